using ContactCenter.Core.Calendar;

namespace ContactCenter.Core.Deadlines;

/// <summary>
/// Deadline arithmetic of SPEC R8/R10 (Civil Code Art. 253–254, Law «Про звернення громадян» Art. 20).
/// Pure: the calendar is passed in, nothing reads the clock.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>Most working days all extensions of one appeal may add together (000 §4.4).</summary>
    public const int MaxExtensionWorkingDays = 15;

    /// <summary>Most calendar days from receipt to the final deadline, extensions included (Law Art. 20).</summary>
    public const int MaxTotalCalendarDays = 45;

    /// <summary>
    /// The deadline for an appeal received at <paramref name="receivedAt"/> on <paramref name="track"/>.
    /// The term starts the day after the local date of receipt: N working days end at the close of business of the
    /// N-th working day after it; N calendar days end at the close of business of (received date + N), moved to the
    /// next working day when that is a day off; N hours are simply added on a 24/7 clock.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The track's term is less than 1.</exception>
    public static DateTimeOffset Due(DateTimeOffset receivedAt, ReviewTrack track, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(track.Term, 1, nameof(track));

        switch (track.Unit)
        {
            case TermUnit.WorkingDays:
                return calendar.CloseOfBusiness(calendar.AddWorkingDays(calendar.LocalDate(receivedAt), track.Term));
            case TermUnit.CalendarDays:
                return CalendarDaysDue(calendar.LocalDate(receivedAt), track.Term, calendar);
            case TermUnit.Hours:
                // Same instant either way; shown in the calendar's zone so every deadline reads alike.
                return TimeZoneInfo.ConvertTime(receivedAt.AddHours(track.Term), calendar.TimeZone);
            default:
                throw new ArgumentOutOfRangeException(nameof(track), track.Unit, "Unknown term unit.");
        }
    }

    /// <summary>
    /// The latest deadline the law allows, extensions included: 45 calendar days after the received date, counted
    /// like any calendar-day term (moved to the next working day when a day off), at its close of business.
    /// </summary>
    public static DateTimeOffset LegalLimit(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return CalendarDaysDue(calendar.LocalDate(receivedAt), MaxTotalCalendarDays, calendar);
    }

    /// <summary>
    /// Extends the deadline by <paramref name="workingDays"/>: the new deadline is the close of business of that many
    /// working days after the local date of <paramref name="currentDue"/>. Refused when all extensions would exceed
    /// <see cref="MaxExtensionWorkingDays"/> or the new deadline would pass <see cref="LegalLimit"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDaysAlreadyGranted"/> is negative.</exception>
    public static ExtensionOutcome Extend(
        DateTimeOffset receivedAt,
        DateTimeOffset currentDue,
        int workingDays,
        int workingDaysAlreadyGranted,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysAlreadyGranted);

        if (workingDays < 1)
            return ExtensionOutcome.Refused(ExtensionOutcome.NotPositive);
        // Subtraction rather than addition so a huge request cannot overflow past the check.
        if (workingDays > MaxExtensionWorkingDays - workingDaysAlreadyGranted)
            return ExtensionOutcome.Refused(ExtensionOutcome.TooLong);

        var newDue = calendar.CloseOfBusiness(calendar.AddWorkingDays(calendar.LocalDate(currentDue), workingDays));
        return newDue > LegalLimit(receivedAt, calendar)
            ? ExtensionOutcome.Refused(ExtensionOutcome.PastLegalLimit)
            : ExtensionOutcome.Granted(newDue);
    }

    /// <summary>
    /// When to remind the executor of a deadline (F4.4): the start of business of the working day that lies
    /// <paramref name="workingDaysBefore"/> working days before the due day — so a deadline on Monday is reminded on
    /// Friday morning, across the weekend.
    /// </summary>
    public static DateTimeOffset ReminderAt(DateTimeOffset dueAt, int workingDaysBefore, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var dueDay = calendar.LocalDate(dueAt);
        return calendar.StartOfBusiness(calendar.SubtractWorkingDays(dueDay, workingDaysBefore));
    }

    /// <summary>
    /// The one definition of overdue: there is a deadline and <paramref name="now"/> is strictly after it.
    /// Whether the appeal is still open is the caller's check.
    /// </summary>
    public static bool IsOverdue(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt is { } due && now > due;

    private static DateTimeOffset CalendarDaysDue(DateOnly receivedDate, int days, WorkingCalendar calendar) =>
        calendar.CloseOfBusiness(calendar.NextWorkingDayOnOrAfter(receivedDate.AddDays(days)));
}
