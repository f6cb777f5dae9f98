namespace ContactCenter.Core.Calendar;

/// <summary>The regular week: the hours of each weekday, or none for a day off.</summary>
public sealed class WeeklySchedule : IEquatable<WeeklySchedule>
{
    // Indexed by (int)DayOfWeek, so Sunday is 0.
    private readonly DaySchedule?[] _days = new DaySchedule?[7];

    /// <summary>Builds a week from its days; a weekday missing from <paramref name="days"/> or mapped to null is a day off.</summary>
    /// <exception cref="ArgumentException">No day of the week is working, or a day's hours are inconsistent.</exception>
    public WeeklySchedule(IReadOnlyDictionary<DayOfWeek, DaySchedule?> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var (day, schedule) in days)
        {
            if ((uint)day > 6)
                throw new ArgumentOutOfRangeException(nameof(days), day, "Not a day of the week.");
            schedule?.Validate();
            _days[(int)day] = schedule;
        }

        // A week without working days would make every "next working day" search run forever.
        if (Array.TrueForAll(_days, d => d is null))
            throw new ArgumentException("A weekly schedule needs at least one working day.", nameof(days));
    }

    /// <summary>
    /// The schedule of 000 §2.1: Mon–Thu 08:00–17:00, Fri 08:00–15:45, lunch 12:00–12:45, Saturday and Sunday off.
    /// </summary>
    public static WeeklySchedule Default { get; } = CreateDefault();

    /// <summary>The hours of <paramref name="day"/>, or null when it is a regular day off.</summary>
    public DaySchedule? For(DayOfWeek day) => _days[(int)day];

    /// <summary>The working days of the week, Monday first.</summary>
    public IEnumerable<DayOfWeek> WorkingDays
    {
        get
        {
            for (var i = 1; i <= 7; i++)
            {
                var day = (DayOfWeek)(i % 7);
                if (_days[(int)day] is not null)
                    yield return day;
            }
        }
    }

    public bool Equals(WeeklySchedule? other)
    {
        if (other is null)
            return false;
        for (var i = 0; i < 7; i++)
        {
            if (!Equals(_days[i], other._days[i]))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var day in _days)
            hash.Add(day);
        return hash.ToHashCode();
    }

    private static WeeklySchedule CreateDefault()
    {
        var lunchStart = new TimeOnly(12, 0);
        var lunchEnd = new TimeOnly(12, 45);
        var monToThu = new DaySchedule(new TimeOnly(8, 0), new TimeOnly(17, 0), lunchStart, lunchEnd);
        var friday = new DaySchedule(new TimeOnly(8, 0), new TimeOnly(15, 45), lunchStart, lunchEnd);
        return new WeeklySchedule(new Dictionary<DayOfWeek, DaySchedule?>
        {
            [DayOfWeek.Monday] = monToThu,
            [DayOfWeek.Tuesday] = monToThu,
            [DayOfWeek.Wednesday] = monToThu,
            [DayOfWeek.Thursday] = monToThu,
            [DayOfWeek.Friday] = friday,
            [DayOfWeek.Saturday] = null,
            [DayOfWeek.Sunday] = null,
        });
    }
}
