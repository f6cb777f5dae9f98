namespace ContactCenter.Core.Calendar;

/// <summary>
/// Answers which days are working and when they close, for one <see cref="CalendarDefinition"/>.
/// Immutable and thread-safe; each year is computed once, on first use.
/// </summary>
/// <remarks>
/// Precedence for a date: a transferred day decides alone; otherwise a regular day off stays off; otherwise a
/// holiday (statutory or extra) or an Art. 67 shifted day off is off, except under martial law (law 2136-IX
/// suspends Art. 73 and the shift of Art. 67), when it is an ordinary working day.
/// Only statutory holidays shift under Art. 67; an extra holiday on a weekend is simply lost, as the article covers
/// Art. 73 days only (an installation that wants a substitute day off adds a transferred day off).
/// Statutory holidays are known for 1900–2099 (<see cref="UkrainianHolidays"/>); other years count weekly hours,
/// extras and transfers only, so a far-future date never throws.
/// </remarks>
public sealed class WorkingCalendar
{
    // DateOnly covers years 1..9999; one slot per year keeps the hot lookup a plain array read.
    private readonly YearData?[] _years = new YearData?[10_000];
    private readonly Dictionary<DateOnly, TransferredDay> _transfers = [];
    private readonly Dictionary<DateOnly, Holiday> _extraHolidays = [];
    private readonly MartialLawPeriod[] _martialLaw;

    /// <summary>Creates the calendar; the definition's lists are copied, so later changes to them are not seen.</summary>
    /// <exception cref="TimeZoneNotFoundException">The time zone is unknown to this system.</exception>
    public WorkingCalendar(CalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        TimeZone = ResolveTimeZone(definition.TimeZoneId);
        foreach (var transfer in definition.Transfers)
            _transfers[transfer.Date] = transfer; // the last entry for a date wins, as an administrator's correction would
        foreach (var holiday in definition.ExtraHolidays)
            _extraHolidays.TryAdd(holiday.Date, holiday);
        _martialLaw = [.. definition.MartialLaw];
    }

    /// <summary>The definition this calendar was built from.</summary>
    public CalendarDefinition Definition { get; }

    /// <summary>The calendar's time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The calendar date of <paramref name="instant"/> in the calendar's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Whether martial law is in force on <paramref name="date"/>.</summary>
    public bool IsMartialLaw(DateOnly date)
    {
        foreach (var period in _martialLaw)
        {
            if (period.Contains(date))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The holiday on <paramref name="date"/>: statutory (when the definition enables them; the first listed by
    /// <see cref="UkrainianHolidays.For"/> when two coincide) or else an extra one; null when none. A holiday under martial law is still reported.
    /// </summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        var year = Year(date.Year);
        return year.Holidays[date.DayNumber - year.FirstDayNumber];
    }

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date) => ScheduleOn(date) is not null;

    /// <summary>The hours worked on <paramref name="date"/>, or null when it is a day off.</summary>
    public DaySchedule? ScheduleOn(DateOnly date)
    {
        var year = Year(date.Year);
        return year.Schedules[date.DayNumber - year.FirstDayNumber];
    }

    /// <summary>
    /// The end of the working hours of <paramref name="workingDate"/> as an instant with the zone's offset on that day
    /// (so +03:00 in summer and +02:00 in winter for Kyiv).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="workingDate"/> is a day off.</exception>
    public DateTimeOffset CloseOfBusiness(DateOnly workingDate)
    {
        var year = Year(workingDate.Year);
        var i = workingDate.DayNumber - year.FirstDayNumber;
        return year.Schedules[i] is not null
            ? year.Close[i]
            : throw new ArgumentException($"{workingDate:yyyy-MM-dd} is not a working day.", nameof(workingDate));
    }

    /// <summary>The start of the working hours of <paramref name="workingDate"/> as an instant in the calendar's zone.</summary>
    /// <exception cref="ArgumentException"><paramref name="workingDate"/> is a day off.</exception>
    public DateTimeOffset StartOfBusiness(DateOnly workingDate)
    {
        var schedule = ScheduleOn(workingDate)
            ?? throw new ArgumentException($"{workingDate:yyyy-MM-dd} is not a working day.", nameof(workingDate));
        var local = workingDate.ToDateTime(schedule.Start, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>The <paramref name="n"/>-th working day strictly before <paramref name="date"/>.</summary>
    public DateOnly SubtractWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var d = date;
        for (var found = 0; found < n;)
        {
            d = d.AddDays(-1);
            if (IsWorkingDay(d))
                found++;
        }
        return d;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date) =>
        IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>The <paramref name="n"/>-th working day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var year = Year(date.Year);
        var i = date.DayNumber - year.FirstDayNumber;

        // Wanted: the day whose running count of working days (from 1 January) equals `target`.
        var target = year.WorkingThrough[i + 1] + n;
        while (target > year.WorkingCount)
        {
            target -= year.WorkingCount;
            year = Year(year.Number + 1);
        }

        // Lower bound over the non-decreasing running counts; WorkingThrough[k] counts days 0..k-1.
        int lo = 1, hi = year.WorkingThrough.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (year.WorkingThrough[mid] >= target)
                hi = mid;
            else
                lo = mid + 1;
        }
        return DateOnly.FromDayNumber(year.FirstDayNumber + lo - 1);
    }

    /// <summary>
    /// The number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>;
    /// negative (the same count, negated) when <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
            return -WorkingDaysBetween(toInclusive, fromExclusive);

        var from = Year(fromExclusive.Year);
        var to = Year(toInclusive.Year);
        var count = to.WorkingThrough[toInclusive.DayNumber - to.FirstDayNumber + 1]
            - from.WorkingThrough[fromExclusive.DayNumber - from.FirstDayNumber + 1];
        for (var y = from.Number; y < to.Number; y++)
            count += Year(y).WorkingCount;
        return count;
    }

    private static TimeZoneInfo ResolveTimeZone(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone;

        // Kyiv was spelled "Kiev" in tzdata until 2022b; older systems (and this Debian image) only know that name.
        var alias = id switch
        {
            "Europe/Kyiv" => "Europe/Kiev",
            "Europe/Kiev" => "Europe/Kyiv",
            _ => null,
        };
        return alias is not null && TimeZoneInfo.TryFindSystemTimeZoneById(alias, out zone)
            ? zone
            : throw new TimeZoneNotFoundException($"Time zone '{id}' is not known on this system.");
    }

    private YearData Year(int year)
    {
        if ((uint)year >= (uint)_years.Length || year == 0)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Outside the supported range of dates.");

        // A racing thread may build the same year twice; both results are equal and one wins.
        return Volatile.Read(ref _years[year])
            ?? Interlocked.CompareExchange(ref _years[year], BuildYear(year), null)
            ?? _years[year]!;
    }

    private YearData BuildYear(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var data = new YearData(year, first.DayNumber, days);
        var schedule = Definition.Schedule;

        var statutory = StatutoryHolidays(year);
        var shiftedDaysOff = ShiftedDaysOff(year);

        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i);
            var holiday = statutory.GetValueOrDefault(date) ?? _extraHolidays.GetValueOrDefault(date);
            data.Holidays[i] = holiday;

            DaySchedule? hours;
            if (_transfers.TryGetValue(date, out var transfer))
            {
                hours = transfer.IsWorking ? HoursOfTransferredDay(transfer) : null;
            }
            else
            {
                hours = schedule.For(date.DayOfWeek);
                if (hours is not null && (holiday is not null || shiftedDaysOff.Contains(date)) && !IsMartialLaw(date))
                    hours = null;
            }

            data.Schedules[i] = hours;
            data.WorkingThrough[i + 1] = data.WorkingThrough[i] + (hours is null ? 0 : 1);
            if (hours is not null)
            {
                var close = date.ToDateTime(hours.End);
                // 17:00 is never inside a DST gap or overlap in Kyiv; elsewhere GetUtcOffset takes the standard offset.
                data.Close[i] = new DateTimeOffset(close, TimeZone.GetUtcOffset(close));
            }
        }
        return data;
    }

    private Dictionary<DateOnly, Holiday> StatutoryHolidays(int year)
    {
        var result = new Dictionary<DateOnly, Holiday>();
        if (Definition.StatutoryHolidays && year is >= UkrainianHolidays.MinYear and <= UkrainianHolidays.MaxYear)
        {
            foreach (var holiday in UkrainianHolidays.For(year))
                result.TryAdd(holiday.Date, holiday);
        }
        return result;
    }

    /// <summary>
    /// Art. 67 part 3: a statutory holiday on a regular day off moves that day off to the next working day.
    /// Each holiday date moves one day (2016: Easter and 1 May share Sunday, so only 3 May is added);
    /// two weekend holidays take the next two free days (2021: 1 May Sat, Easter 2 May Sun → 3 and 4 May off).
    /// </summary>
    private HashSet<DateOnly> ShiftedDaysOff(int year)
    {
        var shifted = new HashSet<DateOnly>();
        if (!Definition.StatutoryHolidays)
            return shifted;

        // A late-December holiday of the previous year can move into January.
        var holidays = new SortedSet<DateOnly>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            foreach (var date in StatutoryHolidays(y).Keys)
                holidays.Add(date);
        }

        var schedule = Definition.Schedule;
        var firstOfYear = new DateOnly(year, 1, 1);
        foreach (var holiday in holidays)
        {
            if (holiday.Year > year || schedule.For(holiday.DayOfWeek) is not null || IsMartialLaw(holiday))
                continue;

            var target = holiday.AddDays(1);
            while (schedule.For(target.DayOfWeek) is null || holidays.Contains(target)
                || _extraHolidays.ContainsKey(target) || shifted.Contains(target))
            {
                target = target.AddDays(1);
            }

            // Martial law suspends the shift too, even when only the target day falls under it.
            if (!IsMartialLaw(target))
                shifted.Add(target);
        }

        shifted.RemoveWhere(d => d < firstOfYear);
        return shifted;
    }

    private DaySchedule? HoursOfTransferredDay(TransferredDay transfer)
    {
        var schedule = Definition.Schedule;
        var hours = schedule.For(transfer.WorksAs ?? DayOfWeek.Monday);
        if (hours is not null)
            return hours;

        // A transfer "works as" a regular day off has no hours of its own; borrow the first working weekday's.
        foreach (var day in schedule.WorkingDays)
            return schedule.For(day);
        return null;
    }

    private sealed class YearData(int number, int firstDayNumber, int days)
    {
        public int Number { get; } = number;
        public int FirstDayNumber { get; } = firstDayNumber;
        public DaySchedule?[] Schedules { get; } = new DaySchedule?[days];
        public Holiday?[] Holidays { get; } = new Holiday?[days];
        public DateTimeOffset[] Close { get; } = new DateTimeOffset[days];

        /// <summary>WorkingThrough[k] = working days among the first k days of the year (so [0] = 0).</summary>
        public int[] WorkingThrough { get; } = new int[days + 1];

        public int WorkingCount => WorkingThrough[^1];
    }
}
