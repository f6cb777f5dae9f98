using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Console;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Reports;

public sealed record ReportRow(string Key, string Label, int Count, double Share);

/// <summary>One section of the classifier: what is counted (<c>appeals</c> or <c>questions</c>) and its rows.</summary>
public sealed record ReportSection(string Key, string Title, string Unit, int Total, IReadOnlyList<ReportRow> Rows);

public sealed record StatutoryReportView(string Period, DateOnly From, DateOnly To, int Appeals, int Questions, IReadOnlyList<ReportSection> Sections);

/// <summary>
/// The statistical report by the sections of the classifier of citizens' appeals (F9.2): appeals received in the period
/// (by <c>receivedAt</c>, Kyiv days) counted by form and channel of receipt, sign of receipt, kind, individual or
/// collective, applicant category and social status; their questions by topic (the top section of the category tree)
/// and by result. Three grouped queries, whatever the period; the sums are made in memory.
/// </summary>
public sealed class StatutoryReport(AppDbContext db, CategoryDirectory categories, CalendarService calendar, DailyAggregates aggregates)
{
    public const string NotStated = "";

    public static void EnsureCanRead(Actor actor)
    {
        if (actor.Role is not (Identity.Roles.Leadership or Identity.Roles.Supervisor or Identity.Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    /// <summary>The report: closed, unchanged days from the daily pre-aggregates (<see cref="DailyAggregates"/>), the rest live;
    /// the figures are the same as <see cref="BuildLiveAsync"/>'s.</summary>
    public Task<StatutoryReportView> BuildAsync(ReportPeriod period, Actor actor, CancellationToken ct) => BuildAsync(period, actor, useAggregates: true, ct);

    /// <summary>The reference computation: three grouped reads over the whole period.</summary>
    public Task<StatutoryReportView> BuildLiveAsync(ReportPeriod period, Actor actor, CancellationToken ct) => BuildAsync(period, actor, useAggregates: false, ct);

    private async Task<StatutoryReportView> BuildAsync(ReportPeriod period, Actor actor, bool useAggregates, CancellationToken ct)
    {
        EnsureCanRead(actor);
        var zone = calendar.TimeZone;
        await FillQuestionReceivedAtAsync(db, ct);

        var usable = useAggregates ? await aggregates.UsableDaysAsync(period.From, period.To, ct) : null;
        List<DayCount> counts;
        if (usable is null)
        {
            var (start, end) = period.Instants(zone);
            counts = await CountAsync(db, start, end, period.From, ct);
        }
        else
        {
            counts = await aggregates.ReadAsync(usable, Figures.All, null, ct);
            foreach (var (spanFrom, spanTo) in usable.LiveSpans(period.From, period.To))
                counts.AddRange(await CountAsync(db, DashboardQueries.KyivStart(spanFrom, zone), DashboardQueries.KyivStart(spanTo.AddDays(1), zone), spanFrom, ct));
        }
        var sums = counts.GroupBy(x => (x.Figure, x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        int Count(string figure, string key) => sums.GetValueOrDefault((figure, key));
        IEnumerable<(string Key, int Count)> By(string figure) => sums.Where(s => s.Key.Figure == figure).Select(s => (s.Key.Key, s.Value));

        var appeals = By(Figures.Form).Sum(g => g.Count);
        var questions = By(Figures.Category).Sum(g => g.Count);
        var tree = await categories.AllAsync(ct);

        var sections = new List<ReportSection>
        {
            Section("form", appeals, Enum.GetValues<AppealForm>().Select(f => Row(Key(f), Text.Get("report.form." + f), Count(Figures.Form, f.ToString())))),
            Section("channel", appeals, Enum.GetValues<Channel>().Select(c => Row(Key(c), T.Enum(c), Count(Figures.Channel, c.ToString())))),
            Section("sign", appeals,
            [
                Row("first", Text.Get("report.sign.first"), Count(Figures.Sign, "first")),
                Row("repeated", Text.Get("report.sign.repeated"), Count(Figures.Sign, "repeated")),
                Row("duplicate", Text.Get("report.sign.duplicate"), Count(Figures.Sign, "duplicate")),
            ]),
            Section("kind", appeals, Enum.GetValues<AppealKind>().Select(k => Row(Key(k), T.Enum(k), Count(Figures.Kind, k.ToString())))),
            Section("subject", appeals,
            [
                Row("individual", Text.Get("report.subject.individual"), Count(Figures.Subject, "individual")),
                Row("collective", Text.Get("report.subject.collective"), Count(Figures.Subject, "collective")),
            ]),
            Section("applicantCategory", appeals, FreeText(appeals, By(Figures.ApplicantCategory).Select(g => ((string?)g.Key, g.Count)))),
            Section("socialStatus", appeals, FreeText(appeals, By(Figures.SocialStatus).Select(g => ((string?)g.Key, g.Count)))),
            Section("topic", questions, By(Figures.Category)
                .GroupBy(g => Root(tree, g.Key))
                .Select(t => (Code: t.Key, Count: t.Sum(g => g.Count)))
                .OrderBy(t => tree.TryGetValue(t.Code, out var c) ? c.SortOrder : int.MaxValue).ThenBy(t => t.Code, StringComparer.Ordinal)
                .Select(t => Row(t.Code, tree.TryGetValue(t.Code, out var c) ? Name(c) : t.Code, t.Count))),
            Section("result", questions, Enum.GetValues<ResultCode>()
                .Select(r => Row(Key(r), T.Enum(r), Count(Figures.Result, r.ToString())))
                .Append(Row("pending", Text.Get("report.result.pending"), Count(Figures.Result, "")))),
        };
        return new StatutoryReportView(period.Label, period.From, period.To, appeals, questions, sections);
    }

    /// <summary>The report's figures as stored per day (see <see cref="CountAsync"/>).</summary>
    public static class Figures
    {
        public const string Form = "s.form";
        public const string Channel = "s.channel";
        public const string Sign = "s.sign";
        public const string Kind = "s.kind";
        public const string Subject = "s.subject";
        public const string ApplicantCategory = "s.privilege";
        public const string SocialStatus = "s.social";
        public const string Category = "s.category";
        public const string Result = "s.result";
        public static readonly IReadOnlyList<string> All = [Form, Channel, Sign, Kind, Subject, ApplicantCategory, SocialStatus, Category, Result];
    }

    /// <summary>
    /// Every figure of the report for the appeals (and questions) received in [<paramref name="start"/>, <paramref name="end"/>),
    /// labelled with <paramref name="day"/>: three grouped reads — appeal-level sections (index-only on ix_appeals_report),
    /// the applicant's free-text classifications (as written; the report groups them), and the questions by category and
    /// result (index-only on ix_questions_report, no join).
    /// </summary>
    public static async Task<List<DayCount>> CountAsync(AppDbContext db, DateTimeOffset start, DateTimeOffset end, DateOnly day, CancellationToken ct)
    {
        var groups = await db.Appeals.AsNoTracking()
            .Where(a => a.ReceivedAt >= start && a.ReceivedAt < end)
            .GroupBy(a => new
            {
                a.Form,
                a.Channel,
                a.Kind,
                a.IsCollective,
                Duplicate = a.DuplicateOfId != null,
                Repeated = a.RepeatOfId != null,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var applicants = await db.Appeals.AsNoTracking()
            .Where(a => a.ReceivedAt >= start && a.ReceivedAt < end)
            .Where(a => a.Applicant.PrivilegeCategory != null || a.Applicant.SocialStatus != null)
            .GroupBy(a => new { a.Applicant.PrivilegeCategory, a.Applicant.SocialStatus })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var questionGroups = await db.Questions.AsNoTracking()
            .Where(q => q.ReceivedAt >= start && q.ReceivedAt < end)
            .GroupBy(q => new { q.CategoryCode, q.ResultCode })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var rows = new List<DayCount>();
        void Add<TKey>(string figure, IEnumerable<(TKey Key, int Count)> values)
        {
            foreach (var g in values.GroupBy(v => Convert.ToString(v.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal))
                rows.Add(new DayCount(day, figure, g.Key, g.Sum(v => v.Count)));
        }
        Add(Figures.Form, groups.Select(g => (g.Key.Form, g.Count)));
        Add(Figures.Channel, groups.Select(g => (g.Key.Channel, g.Count)));
        Add(Figures.Sign, groups.Select(g => (g.Key.Duplicate ? "duplicate" : g.Key.Repeated ? "repeated" : "first", g.Count)));
        Add(Figures.Kind, groups.Select(g => (g.Key.Kind, g.Count)));
        Add(Figures.Subject, groups.Select(g => (g.Key.IsCollective ? "collective" : "individual", g.Count)));
        Add(Figures.ApplicantCategory, applicants.Where(g => g.Key.PrivilegeCategory != null).Select(g => (g.Key.PrivilegeCategory!, g.Count)));
        Add(Figures.SocialStatus, applicants.Where(g => g.Key.SocialStatus != null).Select(g => (g.Key.SocialStatus!, g.Count)));
        Add(Figures.Category, questionGroups.Select(g => (g.Key.CategoryCode, g.Count)));
        Add(Figures.Result, questionGroups.Select(g => (g.Key.ResultCode?.ToString() ?? "", g.Count)));
        return rows;
    }

    private static ReportSection Section(string key, int total, IEnumerable<ReportRow> rows)
    {
        var list = rows.Select(r => r with { Share = total == 0 ? 0 : Math.Round(100.0 * r.Count / total, 1) }).ToList();
        var unit = key is "topic" or "result" ? "questions" : "appeals";
        return new ReportSection(key, Text.Get("report.section." + key), unit, total, list);
    }

    private static ReportRow Row(string key, string label, int count) => new(key, label, count, 0);

    /// <summary>Free-text classifications (applicant category, social status): grouped as written, trimmed and case-folded;
    /// most frequent first; "not stated" last.</summary>
    private static IEnumerable<ReportRow> FreeText(int total, IEnumerable<(string? Value, int Count)> values)
    {
        // Spellings that differ only in case are one row, named by the commonest spelling (ties: ordinal order), so the
        // name does not depend on the order the database returns the groups in (live and pre-aggregated reads differ).
        var grouped = values
            .Select(v => (Value: string.IsNullOrWhiteSpace(v.Value) ? NotStated : v.Value.Trim(), v.Count))
            .GroupBy(v => v.Value, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => (Value: g.GroupBy(v => v.Value, StringComparer.Ordinal)
                    .Select(spelling => (Text: spelling.Key, Count: spelling.Sum(v => v.Count)))
                    .OrderByDescending(spelling => spelling.Count).ThenBy(spelling => spelling.Text, StringComparer.Ordinal)
                    .First().Text,
                Count: g.Sum(v => v.Count)))
            .ToList();
        foreach (var (value, count) in grouped.Where(g => g.Value != NotStated).OrderByDescending(g => g.Count).ThenBy(g => g.Value, StringComparer.CurrentCulture))
            yield return Row(value, value, count);
        yield return Row("notStated", Text.Get("report.notStated"), total - grouped.Where(g => g.Value != NotStated).Sum(g => g.Count));
    }

    /// <summary>
    /// Questions written before <see cref="Question.ReceivedAt"/> existed (or by a bulk loader that does not know it) get
    /// their appeal's receipt time: one provider-neutral UPDATE with a correlated sub-select, only when such rows exist (an index look-up).
    /// </summary>
    public static async Task FillQuestionReceivedAtAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Questions.AnyAsync(q => q.ReceivedAt == null, ct))
            await db.Questions.Where(q => q.ReceivedAt == null).ExecuteUpdateAsync(s => s.SetProperty(q => q.ReceivedAt,
                q => db.Appeals.Where(a => a.Id == q.AppealId).Select(a => (DateTimeOffset?)a.ReceivedAt).FirstOrDefault()), ct);
    }

    /// <summary>The topic of a category: the top of its branch of the tree («розділ»).</summary>
    public static string Root(IReadOnlyDictionary<string, Category> tree, string code)
    {
        var current = code;
        for (var depth = 0; depth < 16 && tree.TryGetValue(current, out var c) && c.ParentCode is { } parent; depth++)
            current = parent;
        return tree.TryGetValue(current, out var root) ? root.Code : current;
    }

    private static string Name(Category c) => T.English && c.NameEn is { Length: > 0 } ? c.NameEn : c.Name;

    private static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => QueryEnum.Name(value);
}
