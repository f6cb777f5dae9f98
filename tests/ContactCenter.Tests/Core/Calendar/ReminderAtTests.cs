using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;

namespace ContactCenter.Tests.Core.Calendar;

public class ReminderAtTests
{
    private static readonly WorkingCalendar Calendar = new(CalendarDefinition.Default);

    [Theory]
    // Due Tuesday 17:00 → reminded Monday 08:00 (winter, +02:00).
    [InlineData("2026-12-01T17:00:00+02:00", 1, "2026-11-30T08:00:00+02:00")]
    // Due Monday 17:00 → reminded the Friday before, across the weekend.
    [InlineData("2026-11-30T17:00:00+02:00", 1, "2026-11-27T08:00:00+02:00")]
    // Two working days before a Tuesday: the Friday before.
    [InlineData("2026-12-01T17:00:00+02:00", 2, "2026-11-27T08:00:00+02:00")]
    // Summer time: due Monday 30 March 2026 (after the DST change) → Friday 27 March, +02:00.
    [InlineData("2026-03-30T17:00:00+03:00", 1, "2026-03-27T08:00:00+02:00")]
    public void ReminderAt_WorkingDaysBeforeTheDueDay_StartOfBusiness(string due, int before, string expected)
    {
        var at = DeadlineCalculator.ReminderAt(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), before, Calendar);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, at.Offset);
    }
}
