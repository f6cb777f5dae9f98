namespace ContactCenter.Core.Deadlines;

/// <summary>The unit a review track's term is counted in.</summary>
public enum TermUnit
{
    WorkingDays,
    CalendarDays,
    /// <summary>Hours on a 24/7 clock (emergency appeals, 001 §3.2).</summary>
    Hours,
}

/// <summary>A review track («строк розгляду»): a named term. Default tracks: urgent 1 WD, simple 5 WD, complex 20 WD, committee 30 CD.</summary>
public sealed record ReviewTrack(string Code, int Term, TermUnit Unit);
