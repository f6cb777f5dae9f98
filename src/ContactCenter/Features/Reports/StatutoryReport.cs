using ContactCenter.Core.Appeals;
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
public sealed class StatutoryReport(AppDbContext db, CategoryDirectory categories, CalendarService calendar)
{
    public const string NotStated = "";

    public static void EnsureCanRead(Actor actor)
    {
        if (actor.Role is not (Identity.Roles.Leadership or Identity.Roles.Supervisor or Identity.Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    public async Task<StatutoryReportView> BuildAsync(ReportPeriod period, Actor actor, CancellationToken ct)
    {
        EnsureCanRead(actor);
        var (start, end) = period.Instants(calendar.TimeZone);

        await FillQuestionReceivedAtAsync(db, ct);

        // Three grouped reads: appeal-level sections (index-only on ix_appeals_report), the applicant's free-text
        // classifications, and the questions by topic and result (index-only on ix_questions_report, no join).
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

        var appeals = groups.Sum(g => g.Count);
        var questions = questionGroups.Sum(g => g.Count);
        var tree = await categories.AllAsync(ct);

        var sections = new List<ReportSection>
        {
            Section("form", appeals, Enum.GetValues<AppealForm>().Select(f => Row(Key(f), Text.Get("report.form." + f), groups.Where(g => g.Key.Form == f).Sum(g => g.Count)))),
            Section("channel", appeals, Enum.GetValues<Channel>().Select(c => Row(Key(c), T.Enum(c), groups.Where(g => g.Key.Channel == c).Sum(g => g.Count)))),
            Section("sign", appeals,
            [
                Row("first", Text.Get("report.sign.first"), groups.Where(g => !g.Key.Duplicate && !g.Key.Repeated).Sum(g => g.Count)),
                Row("repeated", Text.Get("report.sign.repeated"), groups.Where(g => !g.Key.Duplicate && g.Key.Repeated).Sum(g => g.Count)),
                Row("duplicate", Text.Get("report.sign.duplicate"), groups.Where(g => g.Key.Duplicate).Sum(g => g.Count)),
            ]),
            Section("kind", appeals, Enum.GetValues<AppealKind>().Select(k => Row(Key(k), T.Enum(k), groups.Where(g => g.Key.Kind == k).Sum(g => g.Count)))),
            Section("subject", appeals,
            [
                Row("individual", Text.Get("report.subject.individual"), groups.Where(g => !g.Key.IsCollective).Sum(g => g.Count)),
                Row("collective", Text.Get("report.subject.collective"), groups.Where(g => g.Key.IsCollective).Sum(g => g.Count)),
            ]),
            Section("applicantCategory", appeals, FreeText(appeals, applicants.Select(g => (g.Key.PrivilegeCategory, g.Count)))),
            Section("socialStatus", appeals, FreeText(appeals, applicants.Select(g => (g.Key.SocialStatus, g.Count)))),
            Section("topic", questions, questionGroups
                .GroupBy(g => Root(tree, g.Key.CategoryCode))
                .Select(t => (Code: t.Key, Count: t.Sum(g => g.Count)))
                .OrderBy(t => tree.TryGetValue(t.Code, out var c) ? c.SortOrder : int.MaxValue).ThenBy(t => t.Code, StringComparer.Ordinal)
                .Select(t => Row(t.Code, tree.TryGetValue(t.Code, out var c) ? Name(c) : t.Code, t.Count))),
            Section("result", questions, Enum.GetValues<ResultCode>()
                .Select(r => Row(Key(r), T.Enum(r), questionGroups.Where(g => g.Key.ResultCode == r).Sum(g => g.Count)))
                .Append(Row("pending", Text.Get("report.result.pending"), questionGroups.Where(g => g.Key.ResultCode == null).Sum(g => g.Count)))),
        };
        return new StatutoryReportView(period.Label, period.From, period.To, appeals, questions, sections);
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
        var grouped = values
            .GroupBy(v => string.IsNullOrWhiteSpace(v.Value) ? NotStated : v.Value.Trim(), StringComparer.CurrentCultureIgnoreCase)
            .Select(g => (Value: g.Key, Count: g.Sum(v => v.Count)))
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
