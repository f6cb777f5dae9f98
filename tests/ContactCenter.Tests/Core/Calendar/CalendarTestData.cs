using System.Globalization;
using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;

namespace ContactCenter.Tests.Core.Calendar;

/// <summary>Shared calendars and helpers. Every expected date in these tests was checked against a printed calendar.</summary>
internal static class CalendarTestData
{
    public static readonly WorkingCalendar Kyiv = new(CalendarDefinition.Default);

    /// <summary>No martial law at all: holidays are days off and Art. 67 shifts apply.</summary>
    public static readonly WorkingCalendar Peacetime = new(CalendarDefinition.Default with { MartialLaw = [] });

    public static readonly ReviewTrack Urgent = new("urgent", 1, TermUnit.WorkingDays);
    public static readonly ReviewTrack Simple = new("simple", 5, TermUnit.WorkingDays);
    public static readonly ReviewTrack Complex = new("complex", 20, TermUnit.WorkingDays);
    public static readonly ReviewTrack Committee = new("committee", 30, TermUnit.CalendarDays);

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string isoInstant) => DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture);

    /// <summary>Same instant and same offset: a deadline shown with the wrong offset is a bug even if the instant is right.</summary>
    public static void AssertSameInstantAndOffset(string expected, DateTimeOffset actual) =>
        Assert.Equal(expected, actual.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
