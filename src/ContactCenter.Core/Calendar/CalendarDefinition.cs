namespace ContactCenter.Core.Calendar;

/// <summary>An extra holiday defined by the installation (e.g. a local day off), on top of the statutory ones.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// A transferred day («перенесений день»): <paramref name="Date"/> becomes a working day with the hours of
/// <paramref name="WorksAs"/> (Monday when not given), or a day off. Transfers override everything else.
/// </summary>
public sealed record TransferredDay(DateOnly Date, bool IsWorking, DayOfWeek? WorksAs = null);

/// <summary>A period of martial law, both ends inclusive; <paramref name="To"/> null means it has not ended.</summary>
public sealed record MartialLawPeriod(DateOnly From, DateOnly? To)
{
    /// <summary>Whether <paramref name="date"/> falls inside the period.</summary>
    public bool Contains(DateOnly date) => date >= From && (To is not { } to || date <= to);
}

/// <summary>
/// An installation's working calendar as data (F4.3): time zone, weekly hours, extra holidays, transferred days
/// and martial-law periods. <paramref name="StatutoryHolidays"/> switches the holidays of КЗпП Art. 73 on or off.
/// </summary>
public sealed record CalendarDefinition(
    string TimeZoneId,
    WeeklySchedule Schedule,
    IReadOnlyList<Holiday> ExtraHolidays,
    IReadOnlyList<TransferredDay> Transfers,
    IReadOnlyList<MartialLawPeriod> MartialLaw,
    bool StatutoryHolidays = true)
{
    /// <summary>The date martial law was introduced in Ukraine (Decree 64/2022, approved by law 2102-IX).</summary>
    public static readonly DateOnly MartialLawSince = new(2022, 2, 24);

    /// <summary>
    /// Europe/Kyiv, the default schedule of 000 §2.1, statutory holidays, no extras or transfers, and martial law
    /// since 2022-02-24 without an end.
    /// </summary>
    public static CalendarDefinition Default { get; } = new(
        "Europe/Kyiv",
        WeeklySchedule.Default,
        [],
        [],
        [new MartialLawPeriod(MartialLawSince, null)]);
}
