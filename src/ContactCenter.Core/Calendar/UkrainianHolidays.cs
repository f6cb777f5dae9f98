namespace ContactCenter.Core.Calendar;

/// <summary>
/// The public holidays of Ukraine («святкові і неробочі дні», КЗпП Art. 73), as the article stood in a given year.
/// </summary>
/// <remarks>
/// Changes modelled (a holiday belongs to a year when Art. 73 listed it on that date):
/// <list type="bullet">
/// <item>Law 2211-VIII of 16 Nov 2017 (in force 2 Dec 2017): adds 25 December Christmas (so 25 Dec 2017 counts),
///   drops 2 May (so 2 May 2017 still counted) and renames 1 May «День праці» from 2018.</item>
/// <item>Law 3107-IX of 29 May 2023 (in force 15 June 2023): 8 May replaces 9 May. 9 May 2023 therefore still counts and
///   8 May 2023 does not, so 8 May starts in 2024. Under martial law this reading changes no deadline.</item>
/// <item>Bill 9431, adopted 14 July 2023, in force 1 September 2023: Christmas only on 25 December (7 Jan 2023 counts,
///   7 Jan 2024 does not); Day of Ukrainian Statehood from 28 July (2022–2023, law 1573-IX of 2021) to 15 July from 2024;
///   Defenders' Day from 14 October (2015–2022) to 1 October from 2023.</item>
/// </list>
/// Years before 2000 get the list as it stood in 2000; no attempt is made to model earlier history.
/// </remarks>
public static class UkrainianHolidays
{
    /// <summary>First year <see cref="OrthodoxEaster"/> and <see cref="For"/> support.</summary>
    public const int MinYear = 1900;

    /// <summary>Last year <see cref="OrthodoxEaster"/> and <see cref="For"/> support.</summary>
    public const int MaxYear = 2099;

    /// <summary>
    /// Orthodox Easter Sunday: the Julian computus (Meeus), converted to the Gregorian calendar by adding 13 days,
    /// which is the Julian–Gregorian gap for 1900-03-01 … 2100-02-28.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2099.</exception>
    public static DateOnly OrthodoxEaster(int year)
    {
        CheckYear(year);
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }

    /// <summary>The statutory holidays of <paramref name="year"/>, ordered by date (Ukrainian names as in Art. 73).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2099.</exception>
    public static IReadOnlyList<Holiday> For(int year)
    {
        CheckYear(year);
        var list = new List<Holiday>(14) { new(new DateOnly(year, 1, 1), "Новий рік") };

        if (year <= 2023)
            list.Add(new(new DateOnly(year, 1, 7), "Різдво Христове"));

        list.Add(new(new DateOnly(year, 3, 8), "Міжнародний жіночий день"));

        var easter = OrthodoxEaster(year);
        list.Add(new(easter, "Великдень (Пасха)"));
        list.Add(new(easter.AddDays(49), "Трійця"));

        if (year <= 2017)
        {
            list.Add(new(new DateOnly(year, 5, 1), "День міжнародної солідарності трудящих"));
            list.Add(new(new DateOnly(year, 5, 2), "День міжнародної солідарності трудящих"));
        }
        else
        {
            list.Add(new(new DateOnly(year, 5, 1), "День праці"));
        }

        if (year <= 2023)
            list.Add(new(new DateOnly(year, 5, 9), year >= 2015 ? "День перемоги над нацизмом у Другій світовій війні (День перемоги)" : "День Перемоги"));
        else
            list.Add(new(new DateOnly(year, 5, 8), "День пам'яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років"));

        list.Add(new(new DateOnly(year, 6, 28), "День Конституції України"));

        if (year is 2022 or 2023)
            list.Add(new(new DateOnly(year, 7, 28), "День Української Державності"));
        else if (year >= 2024)
            list.Add(new(new DateOnly(year, 7, 15), "День Української Державності"));

        list.Add(new(new DateOnly(year, 8, 24), "День незалежності України"));

        if (year is >= 2015 and <= 2022)
            list.Add(new(new DateOnly(year, 10, 14), "День захисника України"));
        else if (year >= 2023)
            list.Add(new(new DateOnly(year, 10, 1), "День захисників і захисниць України"));

        if (year >= 2017)
            list.Add(new(new DateOnly(year, 12, 25), "Різдво Христове"));

        // Easter and Trinity move, so sort; the sort is stable, so a shared date keeps the order above (2016: Easter before 1 May).
        return [.. list.OrderBy(h => h.Date)];
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Only years {MinYear}–{MaxYear} are supported.");
    }
}
