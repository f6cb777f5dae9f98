using System.Globalization;
using ContactCenter.Core.Calendar;
using static ContactCenter.Tests.Core.Calendar.CalendarTestData;

namespace ContactCenter.Tests.Core.Calendar;

public class WorkingCalendarTests
{
    [Fact]
    public void Constructor_DefaultDefinition_ResolvesKyivZone()
    {
        Assert.Contains(Kyiv.TimeZone.Id, new[] { "Europe/Kyiv", "Europe/Kiev" });
        Assert.Equal(TimeSpan.FromHours(2), Kyiv.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void Constructor_UnknownZone_ThrowsTimeZoneNotFound() =>
        Assert.Throws<TimeZoneNotFoundException>(() => new WorkingCalendar(CalendarDefinition.Default with { TimeZoneId = "Mars/Olympus" }));

    [Theory]
    [InlineData("2025-06-05T21:30:00Z", "2025-06-06")] // 00:30 in Kyiv (summer, +03:00)
    [InlineData("2025-06-05T20:59:59Z", "2025-06-05")]
    [InlineData("2025-01-05T22:30:00Z", "2025-01-06")] // 00:30 in Kyiv (winter, +02:00)
    [InlineData("2025-01-05T21:30:00Z", "2025-01-05")]
    [InlineData("2025-12-31T22:00:00Z", "2026-01-01")]
    public void LocalDate_Instant_ReturnsKyivDate(string instant, string expected) =>
        Assert.Equal(D(expected), Kyiv.LocalDate(T(instant)));

    [Theory]
    [InlineData("2022-02-23", false)]
    [InlineData("2022-02-24", true)]
    [InlineData("2030-01-01", true)]
    public void IsMartialLaw_DefaultDefinition_FromFebruary24th2022WithoutEnd(string date, bool expected) =>
        Assert.Equal(expected, Kyiv.IsMartialLaw(D(date)));

    [Theory]
    [InlineData("2025-06-06", true)]  // Friday
    [InlineData("2025-06-07", false)] // Saturday
    [InlineData("2025-06-08", false)] // Sunday (Trinity, but a weekend stays off)
    [InlineData("2025-06-09", true)]  // Monday after Trinity: no shift under martial law
    [InlineData("2023-05-01", true)]  // Labour Day under martial law
    [InlineData("2025-12-25", true)]  // Christmas under martial law
    [InlineData("2026-01-01", true)]  // New Year under martial law
    [InlineData("2022-03-08", true)]  // first holiday after martial law began
    [InlineData("2022-01-07", false)] // Christmas before martial law
    public void IsWorkingDay_DefaultCalendar_HolidaysWorkUnderMartialLaw(string date, bool expected) =>
        Assert.Equal(expected, Kyiv.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2021-01-01", false)] // New Year, Friday
    [InlineData("2021-01-07", false)] // Christmas, Thursday
    [InlineData("2021-05-03", false)] // shift for 1 May (Saturday)
    [InlineData("2021-05-04", false)] // shift for Easter 2 May (Sunday)
    [InlineData("2021-05-05", true)]
    [InlineData("2021-05-10", false)] // shift for 9 May (Sunday)
    [InlineData("2021-06-21", false)] // shift for Trinity 20 June
    [InlineData("2021-06-28", false)] // Constitution Day, Monday
    [InlineData("2016-05-02", false)] // 2 May holiday
    [InlineData("2016-05-03", false)] // one shift for Sunday 1 May (Easter and Labour Day on one date)
    [InlineData("2016-05-04", true)]
    [InlineData("2016-06-20", false)] // shift for Trinity 19 June
    [InlineData("2020-12-25", false)] // Christmas (Gregorian), Friday
    public void IsWorkingDay_BeforeMartialLaw_HolidaysAndArticle67ShiftsAreDaysOff(string date, bool expected) =>
        Assert.Equal(expected, Kyiv.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2025-05-01", false)] // Labour Day, Thursday
    [InlineData("2025-05-08", false)] // Day of Remembrance and Victory, Thursday
    [InlineData("2025-04-21", false)] // shift for Easter 20 April
    [InlineData("2025-06-09", false)] // shift for Trinity 8 June
    [InlineData("2025-06-30", false)] // shift for Constitution Day, Saturday 28 June
    [InlineData("2025-12-25", false)]
    [InlineData("2025-12-26", true)]
    public void IsWorkingDay_Peacetime2025_HolidaysAndShiftsAreDaysOff(string date, bool expected) =>
        Assert.Equal(expected, Peacetime.IsWorkingDay(D(date)));

    [Fact]
    public void IsWorkingDay_MartialLawEnds_HolidaysAfterTheEndAreDaysOffAgain()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            MartialLaw = [new MartialLawPeriod(D("2022-02-24"), D("2025-04-30"))],
        });

        Assert.True(calendar.IsMartialLaw(D("2025-04-30")));
        Assert.False(calendar.IsMartialLaw(D("2025-05-01")));
        Assert.True(calendar.IsWorkingDay(D("2025-04-21")));  // Easter shift while martial law held: none
        Assert.False(calendar.IsWorkingDay(D("2025-05-01")));
        Assert.False(calendar.IsWorkingDay(D("2025-06-09")));
    }

    [Fact]
    public void HolidayOn_HolidayUnderMartialLaw_StillReportsIt()
    {
        var holiday = Kyiv.HolidayOn(D("2025-08-24"));

        Assert.NotNull(holiday);
        Assert.Equal("День незалежності України", holiday.Name);
        Assert.Null(Kyiv.HolidayOn(D("2025-08-25")));
    }

    [Fact]
    public void HolidayOn_ShiftedDayOff_IsNotAHoliday()
    {
        Assert.Null(Kyiv.HolidayOn(D("2021-05-10")));
        Assert.False(Kyiv.IsWorkingDay(D("2021-05-10")));
    }

    [Fact]
    public void HolidayOn_ExtraHoliday_IsOffOutsideMartialLawAndWorkingUnderIt()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            ExtraHolidays = [new Holiday(D("2021-09-10"), "День міста"), new Holiday(D("2025-09-12"), "День міста")],
        });

        Assert.Equal("День міста", calendar.HolidayOn(D("2021-09-10"))?.Name);
        Assert.False(calendar.IsWorkingDay(D("2021-09-10")));
        Assert.True(calendar.IsWorkingDay(D("2025-09-12")));
    }

    [Fact]
    public void HolidayOn_StatutoryHolidaysOff_ReturnsNull()
    {
        var calendar = new WorkingCalendar(Calendar(statutory: false));

        Assert.Null(calendar.HolidayOn(D("2021-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2021-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2021-05-03")));
    }

    [Fact]
    public void ScheduleOn_TransferredWorkingSaturday_UsesHoursOfWorksAsDay()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            Transfers =
            [
                new TransferredDay(D("2025-06-14"), true, DayOfWeek.Friday),
                new TransferredDay(D("2025-06-21"), true),
            ],
        });

        Assert.Equal(new TimeOnly(15, 45), calendar.ScheduleOn(D("2025-06-14"))?.End);
        Assert.Equal(new TimeOnly(17, 0), calendar.ScheduleOn(D("2025-06-21"))?.End); // Monday hours by default
        Assert.Null(calendar.ScheduleOn(D("2025-06-15")));
    }

    [Fact]
    public void IsWorkingDay_Transfers_OverrideHolidaysAndWeekends()
    {
        // The Cabinet's 2021 transfer: Friday 8 January off, worked on Saturday 16 January.
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            Transfers =
            [
                new TransferredDay(D("2021-01-08"), false),
                new TransferredDay(D("2021-01-16"), true, DayOfWeek.Friday),
                new TransferredDay(D("2021-01-07"), true), // hypothetical: a holiday made working
            ],
        });

        Assert.False(calendar.IsWorkingDay(D("2021-01-08")));
        Assert.True(calendar.IsWorkingDay(D("2021-01-16")));
        Assert.True(calendar.IsWorkingDay(D("2021-01-07")));
    }

    [Theory]
    [InlineData("2025-03-28", "2025-03-28T15:45:00+02:00")] // Friday before DST
    [InlineData("2025-03-31", "2025-03-31T17:00:00+03:00")] // Monday after DST
    [InlineData("2025-10-24", "2025-10-24T15:45:00+03:00")] // Friday before DST ends
    [InlineData("2025-10-27", "2025-10-27T17:00:00+02:00")] // Monday after DST ends
    [InlineData("2025-06-10", "2025-06-10T17:00:00+03:00")]
    public void CloseOfBusiness_WorkingDay_EndOfHoursWithSeasonalOffset(string date, string expected) =>
        AssertSameInstantAndOffset(expected, Kyiv.CloseOfBusiness(D(date)));

    [Fact]
    public void CloseOfBusiness_DayOff_Throws() =>
        Assert.Throws<ArgumentException>(() => Kyiv.CloseOfBusiness(D("2025-06-07")));

    [Theory]
    [InlineData("2025-06-06", "2025-06-06")]
    [InlineData("2025-06-07", "2025-06-09")]
    [InlineData("2025-06-08", "2025-06-09")]
    [InlineData("2021-05-01", "2021-05-05")]
    [InlineData("2020-12-31", "2020-12-31")]
    public void NextWorkingDayOnOrAfter_Date_ReturnsFirstWorkingDay(string date, string expected) =>
        Assert.Equal(D(expected), Kyiv.NextWorkingDayOnOrAfter(D(date)));

    [Theory]
    [InlineData("2025-06-02", 1, "2025-06-03")]
    [InlineData("2025-06-06", 1, "2025-06-09")] // Friday → Monday
    [InlineData("2025-06-07", 1, "2025-06-09")] // Saturday → Monday
    [InlineData("2025-06-02", 5, "2025-06-09")]
    [InlineData("2025-12-24", 5, "2025-12-31")]
    [InlineData("2025-12-31", 1, "2026-01-01")] // New Year works under martial law
    [InlineData("2020-12-31", 1, "2021-01-04")] // across a year end and a holiday
    [InlineData("2021-04-30", 5, "2021-05-12")] // 3, 4 and 10 May off
    [InlineData("2024-12-31", 261, "2025-12-31")] // a whole year of weekdays
    public void AddWorkingDays_Date_ReturnsNthWorkingDayAfter(string date, int n, string expected) =>
        Assert.Equal(D(expected), Kyiv.AddWorkingDays(D(date), n));

    [Fact]
    public void AddWorkingDays_ZeroDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Kyiv.AddWorkingDays(D("2025-06-02"), 0));

    [Theory]
    [InlineData("2025-06-02", "2025-06-09", 5)]
    [InlineData("2025-06-09", "2025-06-02", -5)]
    [InlineData("2025-06-02", "2025-06-02", 0)]
    [InlineData("2025-06-06", "2025-06-08", 0)]
    [InlineData("2024-12-31", "2025-12-31", 261)]
    [InlineData("2021-04-30", "2021-05-12", 5)]
    public void WorkingDaysBetween_Range_CountsWorkingDaysAfterStartUpToEnd(string from, string to, int expected) =>
        Assert.Equal(expected, Kyiv.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void WorkingDaysBetween_AfterAddWorkingDays_ReturnsN()
    {
        var start = D("2019-11-20");
        for (var i = 0; i < 2000; i += 7)
        {
            var date = start.AddDays(i);
            for (var n = 1; n <= 40; n += 13)
                Assert.Equal(n, Peacetime.WorkingDaysBetween(date, Peacetime.AddWorkingDays(date, n)));
        }
    }

    [Fact]
    public void IsWorkingDay_ManyThreadsOnFreshCalendar_AgreeWithOneThread()
    {
        var reference = new WorkingCalendar(CalendarDefinition.Default);
        var shared = new WorkingCalendar(CalendarDefinition.Default);
        var first = D("2015-01-01");
        var expected = Enumerable.Range(0, 4000).Select(i => reference.IsWorkingDay(first.AddDays(i))).ToArray();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < expected.Length; i++)
                Assert.Equal(expected[i], shared.IsWorkingDay(first.AddDays(i)));
        });
    }

    [Fact]
    public void IsWorkingDay_ExtraHolidayOnSaturday_DoesNotShiftToMonday()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.Default with
        {
            ExtraHolidays = [new Holiday(D("2021-08-21"), "День міста")],
        });

        Assert.Equal("День міста", calendar.HolidayOn(D("2021-08-21"))?.Name);
        Assert.True(calendar.IsWorkingDay(D("2021-08-23")));
    }

    [Fact]
    public void AddWorkingDays_EdgesOfHolidayYears_WorkWithoutStatutoryHolidaysOutside()
    {
        Assert.False(Kyiv.IsWorkingDay(D("1900-01-01"))); // New Year, Monday
        Assert.Equal(D("1900-01-02"), Kyiv.AddWorkingDays(D("1899-12-31"), 1));
        Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(Kyiv.CloseOfBusiness(D("1900-01-02")).DateTime));
        Assert.Equal(D("2100-01-01"), Kyiv.AddWorkingDays(D("2099-12-31"), 1)); // no statutory list for 2100
    }

    [Fact]
    public void WeeklySchedule_Default_MatchesRegulation000()
    {
        var week = WeeklySchedule.Default;

        Assert.Equal(new DaySchedule(new(8, 0), new(17, 0), new(12, 0), new(12, 45)), week.For(DayOfWeek.Monday));
        Assert.Equal(new DaySchedule(new(8, 0), new(15, 45), new(12, 0), new(12, 45)), week.For(DayOfWeek.Friday));
        Assert.Null(week.For(DayOfWeek.Saturday));
        Assert.Null(week.For(DayOfWeek.Sunday));
        Assert.Equal(TimeSpan.FromMinutes(495), week.For(DayOfWeek.Tuesday)!.WorkingTime);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            week.WorkingDays);
    }

    [Fact]
    public void WeeklySchedule_NoWorkingDay_Throws() =>
        Assert.Throws<ArgumentException>(() => new WeeklySchedule(new Dictionary<DayOfWeek, DaySchedule?>()));

    [Theory]
    [InlineData("17:00", "08:00", null, null)]
    [InlineData("08:00", "17:00", "12:00", null)]
    [InlineData("08:00", "17:00", "07:00", "08:30")]
    public void WeeklySchedule_InconsistentHours_Throws(string start, string end, string? lunchStart, string? lunchEnd)
    {
        var day = new DaySchedule(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture),
            lunchStart is null ? null : TimeOnly.Parse(lunchStart, CultureInfo.InvariantCulture), lunchEnd is null ? null : TimeOnly.Parse(lunchEnd, CultureInfo.InvariantCulture));

        Assert.Throws<ArgumentException>(() => new WeeklySchedule(new Dictionary<DayOfWeek, DaySchedule?> { [DayOfWeek.Monday] = day }));
    }

    private static CalendarDefinition Calendar(bool statutory) =>
        CalendarDefinition.Default with { MartialLaw = [], StatutoryHolidays = statutory };
}
