using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactCenter.Features.Console;

/// <summary>
/// The filters of the console's appeal list as they stand in its address, so a list can be linked, bookmarked and
/// exported: <c>status, category, executor, district, channel, from, to, overdue=true, dueToday=true, repeated=true, rework=true, open=true, reworked=true, q,
/// page, sort</c> (dates <c>yyyy-MM-dd</c>, Kyiv days, both ends included). The same filters go to
/// <c>/api/v1/appeals?…&amp;format=csv</c> for the export.
/// </summary>
public sealed record AppealListFilter(
    AppealStatus? Status = null,
    string? Category = null,
    int? Executor = null,
    int? District = null,
    Channel? Channel = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool Overdue = false,
    bool Repeated = false,
    bool Rework = false,
    string? Q = null,
    int Page = 1,
    string? Sort = null,
    bool DueToday = false,
    bool Open = false,
    bool Reworked = false,
    // Dashboard figures (issue 8): a question closed on these Kyiv days, closed, closed on time (false: late), rated N, rated,
    // one question meeting every question filter (see AppealQueries.ReportFilters.cs).
    DateOnly? ClosedFrom = null,
    DateOnly? ClosedTo = null,
    bool Closed = false,
    bool? ClosedOnTime = null,
    int? Rating = null,
    bool Rated = false,
    bool SameQuestion = false)
{
    public const int PageSize = 25;

    public static AppealListFilter Parse(string? query)
    {
        var q = QueryHelpers.ParseQuery(query);
        string? S(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        int? I(string key) => int.TryParse(S(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        DateOnly? D(string key) => DateOnly.TryParseExact(S(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        bool B(string key) => string.Equals(S(key), "true", StringComparison.OrdinalIgnoreCase);
        bool? B3(string key) => B(key) ? true : string.Equals(S(key), "false", StringComparison.OrdinalIgnoreCase) ? false : null;
        TEnum? E<TEnum>(string key) where TEnum : struct, Enum =>
            S(key) is { } v && Enum.TryParse<TEnum>(v, ignoreCase: true, out var e) && !int.TryParse(v, out _) ? e : null;
        var sort = S("sort");
        return new AppealListFilter(E<AppealStatus>("status"), S("category"), I("executor"), I("district"), E<Channel>("channel"),
            D("from"), D("to"), B("overdue"), B("repeated"), B("rework"), S("q"), Math.Max(1, I("page") ?? 1),
            sort is not null && AppealQueries.Sorts.Contains(sort) ? sort : null, B("dueToday"),
            B("open"), B("reworked"),
            D("closedFrom"), D("closedTo"), B("closed"), B3("closedOnTime"), I("rating") is >= 1 and <= 5 and var rating ? rating : null, B("rated"), B("sameQuestion"));
    }

    /// <summary>The query string (without '?'), only what is set, in camelCase values as the API reads them.</summary>
    public string ToQuery(bool withPage = true)
    {
        var parts = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(new(key, value));
        }
        Add("status", Status is { } s ? Camel(s.ToString()) : null);
        Add("category", Category);
        Add("executor", Executor?.ToString(CultureInfo.InvariantCulture));
        Add("district", District?.ToString(CultureInfo.InvariantCulture));
        Add("channel", Channel is { } c ? Camel(c.ToString()) : null);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("overdue", Overdue ? "true" : null);
        Add("dueToday", DueToday ? "true" : null);
        Add("repeated", Repeated ? "true" : null);
        Add("rework", Rework ? "true" : null);
        Add("open", Open ? "true" : null);
        Add("reworked", Reworked ? "true" : null);
        Add("closedFrom", ClosedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("closedTo", ClosedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("closed", Closed ? "true" : null);
        Add("closedOnTime", ClosedOnTime is { } onTime ? (onTime ? "true" : "false") : null);
        Add("rating", Rating?.ToString(CultureInfo.InvariantCulture));
        Add("rated", Rated ? "true" : null);
        Add("sameQuestion", SameQuestion ? "true" : null);
        Add("q", Q);
        if (withPage && Page > 1)
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
        Add("sort", Sort);
        return string.Join('&', parts.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    public string Href => "/console/appeals" + (ToQuery() is { Length: > 0 } q ? "?" + q : "");

    /// <summary>
    /// The same filters in the names the REST list reads (<c>executorId, categoryCode, receivedFrom, receivedTo</c> …), with
    /// the Kyiv days turned into instants, so the CSV holds exactly the rows of the list.
    /// </summary>
    public string CsvHref(TimeZoneInfo zone)
    {
        var search = ToSearch(zone);
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value));
        }
        Add("status", Status is { } s ? Camel(s.ToString()) : null);
        Add("categoryCode", Category);
        Add("executorId", Executor?.ToString(CultureInfo.InvariantCulture));
        Add("district", District?.ToString(CultureInfo.InvariantCulture));
        Add("channel", Channel is { } c ? Camel(c.ToString()) : null);
        Add("receivedFrom", search.ReceivedFrom?.ToString("O", CultureInfo.InvariantCulture));
        Add("receivedTo", search.ReceivedTo?.ToString("O", CultureInfo.InvariantCulture));
        Add("overdue", Overdue ? "true" : null);
        Add("dueToday", DueToday ? "true" : null);
        Add("repeated", Repeated ? "true" : null);
        Add("rework", Rework ? "true" : null);
        Add("open", Open ? "true" : null);
        Add("reworked", Reworked ? "true" : null);
        Add("closedFrom", search.ClosedFrom?.ToString("O", CultureInfo.InvariantCulture));
        Add("closedTo", search.ClosedTo?.ToString("O", CultureInfo.InvariantCulture));
        Add("closed", Closed ? "true" : null);
        Add("closedOnTime", ClosedOnTime is { } onTime ? (onTime ? "true" : "false") : null);
        Add("rating", Rating?.ToString(CultureInfo.InvariantCulture));
        Add("rated", Rated ? "true" : null);
        Add("sameQuestion", SameQuestion ? "true" : null);
        Add("q", Q);
        Add("sort", Sort);
        Add("format", "csv");
        return "/api/v1/appeals?" + string.Join('&', parts);
    }

    public AppealSearch ToSearch(TimeZoneInfo zone) => new(
        Status: Status,
        ExecutorId: Executor,
        CategoryCode: Category,
        Channel: Channel,
        Overdue: Overdue ? true : null,
        Q: Q,
        ReceivedFrom: From is { } f ? Start(f, zone) : null,
        ReceivedTo: To is { } t ? Start(t.AddDays(1), zone).AddTicks(-1) : null,
        Page: Page,
        PageSize: PageSize,
        DistrictId: District,
        Repeated: Repeated ? true : null,
        Rework: Rework ? true : null,
        Sort: Sort,
        PrivilegedFirst: true,
        DueToday: DueToday ? true : null,
        Open: Open ? true : null,
        Reworked: Reworked ? true : null,
        ClosedFrom: ClosedFrom is { } cf ? Start(cf, zone) : null,
        ClosedTo: ClosedTo is { } ct ? Start(ct.AddDays(1), zone).AddTicks(-1) : null,
        Closed: Closed ? true : null,
        ClosedOnTime: ClosedOnTime,
        Rating: Rating,
        Rated: Rated ? true : null,
        SameQuestion: SameQuestion ? true : null);

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
