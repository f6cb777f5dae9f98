namespace ContactCenter.Core.Calendar;

/// <summary>
/// The hours of one working day in local time. A lunch break is optional; a day that has no
/// <see cref="DaySchedule"/> is a day off.
/// </summary>
public sealed record DaySchedule(TimeOnly Start, TimeOnly End, TimeOnly? LunchStart = null, TimeOnly? LunchEnd = null)
{
    /// <summary>Time actually worked that day: from start to end, minus lunch.</summary>
    public TimeSpan WorkingTime => End - Start - (LunchStart is { } ls && LunchEnd is { } le ? le - ls : TimeSpan.Zero);

    /// <summary>Throws when the hours are inconsistent (end not after start, lunch outside the day or half given).</summary>
    public void Validate()
    {
        if (End <= Start)
            throw new ArgumentException($"A working day must end after it starts ({Start}–{End}).");
        if (LunchStart.HasValue != LunchEnd.HasValue)
            throw new ArgumentException("Give both the start and the end of lunch, or neither.");
        if (LunchStart is { } ls && LunchEnd is { } le && (ls < Start || le > End || le <= ls))
            throw new ArgumentException($"Lunch {ls}–{le} must lie inside the working day {Start}–{End}.");
    }
}
