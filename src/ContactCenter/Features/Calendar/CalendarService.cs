using System.Globalization;
using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Features.Calendar;

/// <summary>
/// Builds the installation's <see cref="WorkingCalendar"/> and review tracks from the database and keeps them
/// in memory. Another instance's edit is picked up within <see cref="CacheFor"/>; this instance's own edits at once.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string CalendarKey = "calendar:working";
    private const string TracksKey = "calendar:tracks";

    private TimeZoneInfo? _zone;

    /// <summary>The installation's time zone (Europe/Kyiv unless configured otherwise); output times use it.</summary>
    public TimeZoneInfo TimeZone => _zone ??= new WorkingCalendar(CalendarDefinition.Default).TimeZone;

    public async Task<WorkingCalendar> GetCalendarAsync(CancellationToken ct = default)
    {
        var calendar = (await cache.GetOrCreateAsync(CalendarKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return new WorkingCalendar(await LoadDefinitionAsync(db, ct));
        }))!;
        _zone = calendar.TimeZone;
        return calendar;
    }

    public async Task<IReadOnlyDictionary<string, ReviewTrackEntity>> GetTracksAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(TracksKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tracks = await db.ReviewTracks.AsNoTracking().ToListAsync(ct);
            return (IReadOnlyDictionary<string, ReviewTrackEntity>)tracks.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        }))!;

    public void Invalidate()
    {
        cache.Remove(CalendarKey);
        cache.Remove(TracksKey);
    }

    public async Task<ReviewTrack?> FindTrackAsync(string code, CancellationToken ct = default) =>
        (await GetTracksAsync(ct)).TryGetValue(code, out var t) ? new ReviewTrack(t.Code, t.Term, t.Unit) : null;

    public static async Task<CalendarDefinition> LoadDefinitionAsync(AppDbContext db, CancellationToken ct)
    {
        var settings = await db.CalendarSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
            return CalendarDefinition.Default;
        var holidays = await db.CalendarHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
        var transfers = await db.CalendarTransfers.AsNoTracking().OrderBy(t => t.Date).ToListAsync(ct);
        var martial = await db.MartialLawPeriods.AsNoTracking().OrderBy(m => m.From).ToListAsync(ct);
        return new CalendarDefinition(
            settings.TimeZoneId,
            ParseSchedule(settings.WeeklySchedule),
            holidays.Select(h => new Holiday(h.Date, h.Name)).ToList(),
            transfers.Select(t => new TransferredDay(t.Date, t.IsWorking, t.WorksAs)).ToList(),
            martial.Select(m => new MartialLawPeriod(m.From, m.To)).ToList(),
            settings.StatutoryHolidays);
    }

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>Reads "Mon 08:00-17:00 12:00-12:45" lines (the second range is the lunch break).</summary>
    public static WeeklySchedule ParseSchedule(string text)
    {
        var days = new Dictionary<DayOfWeek, DaySchedule?>();
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var day = (DayOfWeek)Array.FindIndex(DayNames, d => d.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
            if ((int)day < 0 || parts.Length < 2)
                throw new FormatException($"Bad schedule line '{raw}'.");
            var (start, end) = ParseRange(parts[1]);
            TimeOnly? lunchStart = null, lunchEnd = null;
            if (parts.Length > 2)
                (lunchStart, lunchEnd) = ParseRange(parts[2]);
            days[day] = new DaySchedule(start, end, lunchStart, lunchEnd);
        }
        return new WeeklySchedule(days);
    }

    public static string FormatSchedule(WeeklySchedule schedule)
    {
        var lines = new List<string>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            if (schedule.For(day) is not { } d)
                continue;
            var line = $"{DayNames[(int)day]} {d.Start:HH\\:mm}-{d.End:HH\\:mm}";
            if (d.LunchStart is { } ls && d.LunchEnd is { } le)
                line += $" {ls:HH\\:mm}-{le:HH\\:mm}";
            lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    private static (TimeOnly, TimeOnly) ParseRange(string range)
    {
        var ends = range.Split('-');
        return (TimeOnly.ParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture));
    }
}
