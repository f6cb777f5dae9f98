using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;

namespace ContactCenter.Features.Reports;

/// <summary>
/// A reporting period in whole Kyiv days, <see cref="From"/> to <see cref="To"/> inclusive. Given as
/// <c>period=2026</c> (year), <c>2026-H1</c>/<c>2026-H2</c> (half-year), <c>2026-Q3</c> (quarter), <c>2026-11</c> (month),
/// or as <c>from=2026-01-01&amp;to=2026-03-31</c> (any period).
/// </summary>
public sealed partial record ReportPeriod(DateOnly From, DateOnly To, string Label)
{
    public const int MaxDays = 366 * 5;

    /// <summary>The instants bounding the period in the installation's time zone: [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(TimeZoneInfo zone) => (Start(From, zone), Start(To.AddDays(1), zone));

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static ReportPeriod Parse(string? period, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var errors = new ValidationErrors();
        ReportPeriod? result = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            var m = Pattern().Match(period.Trim());
            if (!m.Success)
            {
                errors.Add("period", Text.Get("report.period.invalid"));
            }
            else
            {
                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                var part = m.Groups["p"].Value.ToUpperInvariant();
                (int first, int months, string label) = part switch
                {
                    "" => (1, 12, Text.Get("report.period.year", year)),
                    "H1" or "H2" => (part == "H1" ? 1 : 7, 6, Text.Get("report.period.half", part[1], year)),
                    ['Q', var q] when q is >= '1' and <= '4' => ((q - '1') * 3 + 1, 3, Text.Get("report.period.quarter", q, year)),
                    _ when int.TryParse(part, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 =>
                        (month, 1, new DateOnly(year, month, 1).ToString("MM.yyyy", CultureInfo.InvariantCulture)),
                    _ => (0, 0, ""),
                };
                if (months == 0 || year is < 2000 or > 2100)
                {
                    errors.Add("period", Text.Get("report.period.invalid"));
                }
                else
                {
                    var start = new DateOnly(year, first, 1);
                    result = new ReportPeriod(start, start.AddMonths(months).AddDays(-1), label);
                }
            }
        }
        else if (from is { } f && to is { } t)
        {
            if (t < f)
                errors.Add("to", Text.Get("calendar.period.order"));
            else if (t.DayNumber - f.DayNumber > MaxDays)
                errors.Add("to", Text.Get("report.period.tooLong", MaxDays));
            else
                result = new ReportPeriod(f, t, $"{f:dd.MM.yyyy} – {t:dd.MM.yyyy}");
        }
        else if (from is null && to is null)
        {
            // The current quarter by default.
            var q = (today.Month - 1) / 3;
            var start = new DateOnly(today.Year, q * 3 + 1, 1);
            result = new ReportPeriod(start, start.AddMonths(3).AddDays(-1), Text.Get("report.period.quarter", q + 1, today.Year));
        }
        else
        {
            errors.Add(from is null ? "from" : "to", Text.Get("field.required"));
        }
        errors.ThrowIfAny();
        return result!;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<p>[QqHh][1-4]|\d{2}))?$")]
    private static partial Regex Pattern();
}
