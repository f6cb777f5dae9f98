using ContactCenter.Core.Calendar;
using static ContactCenter.Tests.Core.Calendar.CalendarTestData;

namespace ContactCenter.Tests.Core.Calendar;

public class UkrainianHolidaysTests
{
    [Theory]
    [InlineData(2000, "2000-04-30")]
    [InlineData(2010, "2010-04-04")]
    [InlineData(2016, "2016-05-01")]
    [InlineData(2017, "2017-04-16")]
    [InlineData(2018, "2018-04-08")]
    [InlineData(2019, "2019-04-28")]
    [InlineData(2020, "2020-04-19")]
    [InlineData(2021, "2021-05-02")]
    [InlineData(2022, "2022-04-24")]
    [InlineData(2023, "2023-04-16")]
    [InlineData(2024, "2024-05-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-12")]
    [InlineData(2027, "2027-05-02")]
    public void OrthodoxEaster_KnownYear_ReturnsPublishedDate(int year, string expected) =>
        Assert.Equal(D(expected), UkrainianHolidays.OrthodoxEaster(year));

    [Fact]
    public void OrthodoxEaster_EveryYearInRange_IsSundayBetweenApril4AndMay8()
    {
        for (var year = UkrainianHolidays.MinYear; year <= UkrainianHolidays.MaxYear; year++)
        {
            var easter = UkrainianHolidays.OrthodoxEaster(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 4, 4), new DateOnly(year, 5, 8));
        }
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2100)]
    public void OrthodoxEaster_YearOutOfRange_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UkrainianHolidays.OrthodoxEaster(year));

    [Theory]
    [InlineData(2016, "2016-01-01,2016-01-07,2016-03-08,2016-05-01,2016-05-01,2016-05-02,2016-05-09,2016-06-19,2016-06-28,2016-08-24,2016-10-14")]
    [InlineData(2017, "2017-01-01,2017-01-07,2017-03-08,2017-04-16,2017-05-01,2017-05-02,2017-05-09,2017-06-04,2017-06-28,2017-08-24,2017-10-14,2017-12-25")]
    [InlineData(2018, "2018-01-01,2018-01-07,2018-03-08,2018-04-08,2018-05-01,2018-05-09,2018-05-27,2018-06-28,2018-08-24,2018-10-14,2018-12-25")]
    [InlineData(2021, "2021-01-01,2021-01-07,2021-03-08,2021-05-01,2021-05-02,2021-05-09,2021-06-20,2021-06-28,2021-08-24,2021-10-14,2021-12-25")]
    [InlineData(2022, "2022-01-01,2022-01-07,2022-03-08,2022-04-24,2022-05-01,2022-05-09,2022-06-12,2022-06-28,2022-07-28,2022-08-24,2022-10-14,2022-12-25")]
    [InlineData(2023, "2023-01-01,2023-01-07,2023-03-08,2023-04-16,2023-05-01,2023-05-09,2023-06-04,2023-06-28,2023-07-28,2023-08-24,2023-10-01,2023-12-25")]
    [InlineData(2024, "2024-01-01,2024-03-08,2024-05-01,2024-05-05,2024-05-08,2024-06-23,2024-06-28,2024-07-15,2024-08-24,2024-10-01,2024-12-25")]
    [InlineData(2026, "2026-01-01,2026-03-08,2026-04-12,2026-05-01,2026-05-08,2026-05-31,2026-06-28,2026-07-15,2026-08-24,2026-10-01,2026-12-25")]
    public void For_Year_ReturnsArticle73AsInForceThatYearInDateOrder(int year, string expectedDates)
    {
        var expected = expectedDates.Split(',').Select(D).ToList();

        var actual = UkrainianHolidays.For(year).Select(h => h.Date).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void For_EveryYearInRange_TrinityIsSundayFortyNineDaysAfterEaster()
    {
        for (var year = UkrainianHolidays.MinYear; year <= UkrainianHolidays.MaxYear; year++)
        {
            var trinity = Assert.Single(UkrainianHolidays.For(year), h => h.Name == "Трійця");
            Assert.Equal(UkrainianHolidays.OrthodoxEaster(year).AddDays(49), trinity.Date);
            Assert.Equal(DayOfWeek.Sunday, trinity.Date.DayOfWeek);
        }
    }

    [Fact]
    public void For_2024_UsesUkrainianNamesOfTheNewHolidays()
    {
        var holidays = UkrainianHolidays.For(2024).ToDictionary(h => h.Date, h => h.Name);

        Assert.Equal("Новий рік", holidays[D("2024-01-01")]);
        Assert.Equal("День праці", holidays[D("2024-05-01")]);
        Assert.Equal("День Української Державності", holidays[D("2024-07-15")]);
        Assert.Equal("День захисників і захисниць України", holidays[D("2024-10-01")]);
        Assert.Equal("Різдво Христове", holidays[D("2024-12-25")]);
    }
}
