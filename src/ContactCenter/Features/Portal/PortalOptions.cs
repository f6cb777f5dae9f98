namespace ContactCenter.Features.Portal;

/// <summary>Configuration section <c>ContactCenter:Portal</c>: the public portal's contacts, schedule and limits.</summary>
public sealed class PortalOptions
{
    public const string Section = "ContactCenter:Portal";

    public string CommunityName { get; set; } = "Громада";
    public string CommunityNameEn { get; set; } = "Community";
    public string Phone { get; set; } = "1580";
    public string? Email { get; set; } = "cc@example.gov.ua";
    public string Address { get; set; } = "м. Громада, вул. Центральна, 1";
    public string WorkingHours { get; set; } = "Пн–Чт 8:00–17:00, Пт 8:00–15:45";
    /// <summary>The personal reception schedule of officials («графік особистого прийому»).</summary>
    public List<ReceptionSlot> Reception { get; set; } =
    [
        new() { Official = "Міський голова", Days = "Перший понеділок місяця", Time = "10:00–13:00", Place = "вул. Центральна, 1, каб. 201" },
        new() { Official = "Секретар міської ради", Days = "Щосереди", Time = "14:00–17:00", Place = "вул. Центральна, 1, каб. 204" },
        new() { Official = "Заступник міського голови з питань ЖКГ", Days = "Щочетверга", Time = "9:00–12:00", Place = "вул. Центральна, 1, каб. 310" },
    ];

    /// <summary>Portal submissions and tracking look-ups one IP address may make per <see cref="RateWindowMinutes"/>.</summary>
    public int PostsPerWindow { get; set; } = 20;
    public int RateWindowMinutes { get; set; } = 10;
    public int MaxPhotos { get; set; } = 5;
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;
}

public sealed class ReceptionSlot
{
    public string Official { get; set; } = "";
    public string Days { get; set; } = "";
    public string Time { get; set; } = "";
    public string Place { get; set; } = "";
}
