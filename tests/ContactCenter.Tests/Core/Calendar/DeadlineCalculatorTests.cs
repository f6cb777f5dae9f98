using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;
using static ContactCenter.Tests.Core.Calendar.CalendarTestData;

namespace ContactCenter.Tests.Core.Calendar;

public class DeadlineCalculatorTests
{
    [Theory]
    // Urgent, 1 working day.
    [InlineData("2025-06-02T10:00:00+03:00", "urgent", "2025-06-03T17:00:00+03:00")]
    [InlineData("2025-06-06T14:00:00+03:00", "urgent", "2025-06-09T17:00:00+03:00")] // received Friday
    [InlineData("2025-06-07T11:00:00+03:00", "urgent", "2025-06-09T17:00:00+03:00")] // received Saturday
    [InlineData("2025-01-09T09:00:00+02:00", "urgent", "2025-01-10T15:45:00+02:00")] // short Friday in winter
    [InlineData("2025-06-05T21:30:00Z", "urgent", "2025-06-09T17:00:00+03:00")]      // Thursday in UTC, Friday 00:30 in Kyiv
    [InlineData("2025-03-27T16:00:00+02:00", "urgent", "2025-03-28T15:45:00+02:00")] // Friday before DST starts
    [InlineData("2025-03-28T12:00:00+02:00", "urgent", "2025-03-31T17:00:00+03:00")] // across DST start (30 March)
    [InlineData("2025-10-23T12:00:00+03:00", "urgent", "2025-10-24T15:45:00+03:00")] // Friday before DST ends
    [InlineData("2025-10-24T12:00:00+03:00", "urgent", "2025-10-27T17:00:00+02:00")] // across DST end (26 October)
    [InlineData("2025-12-31T10:00:00+02:00", "urgent", "2026-01-01T17:00:00+02:00")] // New Year works under martial law
    // Simple, 5 working days.
    [InlineData("2025-06-02T10:00:00+03:00", "simple", "2025-06-09T17:00:00+03:00")]
    [InlineData("2025-06-06T14:00:00+03:00", "simple", "2025-06-13T15:45:00+03:00")] // received Friday, due Friday
    [InlineData("2025-06-07T14:00:00+03:00", "simple", "2025-06-13T15:45:00+03:00")] // received Saturday
    [InlineData("2025-01-30T10:00:00+02:00", "simple", "2025-02-06T17:00:00+02:00")] // month end
    [InlineData("2025-12-24T10:00:00+02:00", "simple", "2025-12-31T17:00:00+02:00")] // Christmas works under martial law
    [InlineData("2021-04-30T10:00:00+03:00", "simple", "2021-05-12T17:00:00+03:00")] // 2021: 3, 4, 10 May off by Art. 67
    // Complex, 20 working days.
    [InlineData("2025-03-17T10:00:00+02:00", "complex", "2025-04-14T17:00:00+03:00")] // across DST start
    [InlineData("2025-06-02T10:00:00+03:00", "complex", "2025-06-30T17:00:00+03:00")]
    // Committee, 30 calendar days.
    [InlineData("2025-03-10T10:00:00+02:00", "committee", "2025-04-09T17:00:00+03:00")] // across DST start
    [InlineData("2025-10-01T10:00:00+03:00", "committee", "2025-10-31T15:45:00+02:00")] // across DST end, Friday
    [InlineData("2025-05-02T10:00:00+03:00", "committee", "2025-06-02T17:00:00+03:00")] // lands on Sunday 1 June
    [InlineData("2025-01-30T10:00:00+02:00", "committee", "2025-03-03T17:00:00+02:00")] // lands on Saturday 1 March
    [InlineData("2024-01-30T10:00:00+02:00", "committee", "2024-02-29T17:00:00+02:00")] // leap day
    [InlineData("2025-12-10T10:00:00+02:00", "committee", "2026-01-09T15:45:00+02:00")] // year end
    public void Due_DefaultTrack_ReturnsCloseOfBusinessOfLastDay(string receivedAt, string track, string expected)
    {
        var due = DeadlineCalculator.Due(T(receivedAt), Track(track), Kyiv);

        AssertSameInstantAndOffset(expected, due);
    }

    [Theory]
    [InlineData("2021-01-06T10:00:00+02:00", "urgent", "2021-01-08T15:45:00+02:00")]  // 7 Jan holiday (Thursday)
    [InlineData("2021-04-30T10:00:00+03:00", "urgent", "2021-05-05T17:00:00+03:00")]  // 1 May Sat, Easter 2 May Sun → 3, 4 May off
    [InlineData("2025-04-17T10:00:00+03:00", "urgent", "2025-04-18T15:45:00+03:00")]
    [InlineData("2025-04-18T10:00:00+03:00", "urgent", "2025-04-22T17:00:00+03:00")]  // Easter Monday off without martial law
    [InlineData("2025-04-30T10:00:00+03:00", "simple", "2025-05-09T15:45:00+03:00")]  // 1 and 8 May off
    [InlineData("2025-11-25T10:00:00+02:00", "committee", "2025-12-26T15:45:00+02:00")] // lands on Christmas, a day off
    public void Due_HolidaysWithoutMartialLaw_SkipsHolidaysAndShiftedDays(string receivedAt, string track, string expected) =>
        AssertSameInstantAndOffset(expected, DeadlineCalculator.Due(T(receivedAt), Track(track), Peacetime));

    [Fact]
    public void Due_CommitteeLandsOnHolidayUnderMartialLaw_StaysOnHoliday() =>
        AssertSameInstantAndOffset("2025-12-25T17:00:00+02:00",
            DeadlineCalculator.Due(T("2025-11-25T10:00:00+02:00"), Committee, Kyiv));

    [Fact]
    public void Due_TransferredWorkingSaturday_CountsItWithItsHours()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            Transfers = [new TransferredDay(D("2025-06-14"), true, DayOfWeek.Friday)],
        });

        AssertSameInstantAndOffset("2025-06-14T15:45:00+03:00", DeadlineCalculator.Due(T("2025-06-13T10:00:00+03:00"), Urgent, calendar));
        AssertSameInstantAndOffset("2025-06-19T17:00:00+03:00", DeadlineCalculator.Due(T("2025-06-13T10:00:00+03:00"), Simple, calendar));
    }

    [Fact]
    public void Due_TransferredDayOff_SkipsIt()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            Transfers = [new TransferredDay(D("2025-06-16"), false)],
        });

        AssertSameInstantAndOffset("2025-06-17T17:00:00+03:00", DeadlineCalculator.Due(T("2025-06-13T10:00:00+03:00"), Urgent, calendar));
        // A calendar-day term landing on the transferred day off moves on: 17 May + 30 = 16 June.
        AssertSameInstantAndOffset("2025-06-17T17:00:00+03:00", DeadlineCalculator.Due(T("2025-05-17T10:00:00+03:00"), Committee, calendar));
    }

    [Theory]
    [InlineData("2025-06-06T16:00:00+03:00", 24, "2025-06-07T16:00:00+03:00")]  // into the weekend: hours ignore the calendar
    [InlineData("2025-03-29T20:00:00+02:00", 12, "2025-03-30T09:00:00+03:00")]  // across DST start: 12 real hours
    [InlineData("2025-10-25T23:00:00+03:00", 6, "2025-10-26T04:00:00+02:00")]   // across DST end: 7 hours on the wall clock
    [InlineData("2025-06-06T13:00:00Z", 2, "2025-06-06T18:00:00+03:00")]        // shown in Kyiv time
    public void Due_HoursTrack_AddsRealHoursAndShowsKyivOffset(string receivedAt, int hours, string expected) =>
        AssertSameInstantAndOffset(expected, DeadlineCalculator.Due(T(receivedAt), new ReviewTrack("emergency", hours, TermUnit.Hours), Kyiv));

    [Theory]
    [InlineData(TermUnit.WorkingDays)]
    [InlineData(TermUnit.CalendarDays)]
    [InlineData(TermUnit.Hours)]
    public void Due_ZeroTerm_Throws(TermUnit unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.Due(T("2025-06-02T10:00:00+03:00"), new ReviewTrack("x", 0, unit), Kyiv));

    [Theory]
    [InlineData("2025-06-02T10:00:00+03:00", "2025-07-17T17:00:00+03:00")] // 45th day is a Thursday
    [InlineData("2025-06-04T10:00:00+03:00", "2025-07-21T17:00:00+03:00")] // 45th day is Saturday 19 July
    [InlineData("2025-09-12T10:00:00+03:00", "2025-10-27T17:00:00+02:00")] // 27 October, after DST ends
    public void LegalLimit_Received_FortyFiveCalendarDaysMovedToWorkingDay(string receivedAt, string expected) =>
        AssertSameInstantAndOffset(expected, DeadlineCalculator.LegalLimit(T(receivedAt), Kyiv));

    [Fact]
    public void Extend_FullFifteenWorkingDaysWithinLegalLimit_Allowed()
    {
        var received = T("2025-06-02T10:00:00+03:00");
        var due = DeadlineCalculator.Due(received, Simple, Kyiv); // 2025-06-09 17:00

        var outcome = DeadlineCalculator.Extend(received, due, 15, 0, Kyiv);

        Assert.True(outcome.Allowed);
        Assert.Null(outcome.Refusal);
        Assert.Null(outcome.RefusalUk);
        AssertSameInstantAndOffset("2025-06-30T17:00:00+03:00", outcome.NewDue!.Value);
    }

    [Fact]
    public void Extend_SecondExtensionUpToCap_Allowed()
    {
        var outcome = DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-09T17:00:00+03:00"), 5, 10, Kyiv);

        Assert.True(outcome.Allowed);
        AssertSameInstantAndOffset("2025-06-16T17:00:00+03:00", outcome.NewDue!.Value);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(10, 6)]
    [InlineData(1, 15)]
    [InlineData(int.MaxValue, 1)]
    public void Extend_MoreThanFifteenWorkingDaysInTotal_RefusedTooLong(int workingDays, int alreadyGranted)
    {
        var outcome = DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-09T17:00:00+03:00"), workingDays, alreadyGranted, Kyiv);

        Assert.False(outcome.Allowed);
        Assert.Null(outcome.NewDue);
        Assert.Equal(ExtensionOutcome.TooLong, outcome.Refusal);
        Assert.Contains("15 робочих днів", outcome.RefusalUk);
    }

    [Fact]
    public void Extend_EndsExactlyOnLegalLimit_Allowed()
    {
        // Complex track received 2 June is due 30 June; 13 working days later is 17 July, the 45th day.
        var outcome = DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-30T17:00:00+03:00"), 13, 0, Kyiv);

        Assert.True(outcome.Allowed);
        AssertSameInstantAndOffset("2025-07-17T17:00:00+03:00", outcome.NewDue!.Value);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    public void Extend_PastFortyFiveDays_RefusedPastLegalLimit(int workingDays)
    {
        var outcome = DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-30T17:00:00+03:00"), workingDays, 0, Kyiv);

        Assert.False(outcome.Allowed);
        Assert.Null(outcome.NewDue);
        Assert.Equal(ExtensionOutcome.PastLegalLimit, outcome.Refusal);
        Assert.Contains("45 днів", outcome.RefusalUk);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Extend_NonPositiveDays_RefusedNotPositive(int workingDays) =>
        Assert.Equal(ExtensionOutcome.NotPositive,
            DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-09T17:00:00+03:00"), workingDays, 0, Kyiv).Refusal);

    [Fact]
    public void Extend_NegativeAlreadyGranted_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeadlineCalculator.Extend(T("2025-06-02T10:00:00+03:00"), T("2025-06-09T17:00:00+03:00"), 1, -1, Kyiv));

    [Theory]
    [InlineData(null, "2025-06-09T17:00:00+03:00", false)]
    [InlineData("2025-06-09T17:00:00+03:00", "2025-06-09T16:59:59+03:00", false)]
    [InlineData("2025-06-09T17:00:00+03:00", "2025-06-09T17:00:00+03:00", false)] // at the deadline is still on time
    [InlineData("2025-06-09T17:00:00+03:00", "2025-06-09T17:00:01+03:00", true)]
    [InlineData("2025-06-09T17:00:00+03:00", "2025-06-09T14:00:00Z", false)]      // same instant, other offset
    [InlineData("2025-06-09T17:00:00+03:00", "2025-06-09T14:00:01Z", true)]
    public void IsOverdue_Boundaries_TrueOnlyStrictlyAfterDue(string? dueAt, string now, bool expected) =>
        Assert.Equal(expected, DeadlineCalculator.IsOverdue(dueAt is null ? null : T(dueAt), T(now)));

    [Fact]
    public void IsOverdue_OneTickAfterDue_True()
    {
        var due = T("2025-06-09T17:00:00+03:00");

        Assert.True(DeadlineCalculator.IsOverdue(due, due.AddTicks(1)));
    }

    private static ReviewTrack Track(string code) => code switch
    {
        "urgent" => Urgent,
        "simple" => Simple,
        "complex" => Complex,
        "committee" => Committee,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
