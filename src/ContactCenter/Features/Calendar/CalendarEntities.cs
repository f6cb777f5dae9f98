using ContactCenter.Core.Deadlines;

namespace ContactCenter.Features.Calendar;

/// <summary>A review track as the installation configures it.</summary>
public sealed class ReviewTrackEntity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Term { get; set; }
    public TermUnit Unit { get; set; }
}

/// <summary>The installation's calendar settings (one row).</summary>
public sealed class CalendarSettings
{
    public int Id { get; set; }
    public required string TimeZoneId { get; set; }
    public bool StatutoryHolidays { get; set; } = true;
    /// <summary>One line per weekday: "Mon 08:00-17:00 12:00-12:45"; an absent weekday is a day off.</summary>
    public required string WeeklySchedule { get; set; }
    public int Version { get; set; }
}

public sealed class CalendarHoliday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

public sealed class CalendarTransfer
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public bool IsWorking { get; set; }
    public DayOfWeek? WorksAs { get; set; }
    public string? Comment { get; set; }
}

public sealed class MartialLawPeriodEntity
{
    public int Id { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}
