using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Console;

public enum InboxTab { New, InWork, DueSoon, Overdue, Rework }

public sealed record InboxRow(AppealListItem Item, bool Privileged);

/// <summary>A tab's counter: counted up to <see cref="AppealQueries.MaxCountedTotal"/>, beyond that not exact.</summary>
public sealed record InboxCount(int Count, bool Exact)
{
    public override string ToString() => Exact ? Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : Count + "+";
}

/// <summary>The counters of every tab and one page of the open tab.</summary>
public sealed record InboxView(IReadOnlyDictionary<InboxTab, InboxCount> Counts, InboxTab Tab, IReadOnlyList<InboxRow> Rows, int Page, int Pages);

/// <summary>
/// The executor's inbox tabs, each a filter of <see cref="AppealQueries"/> (so access, masking and the overdue rule are
/// the API's), paged and ordered on the server as the desk works: privileged applicants first (R11), then by deadline.
/// For an executor the counters and the page come from one read of its open appeals (see <see cref="LoadScopedAsync"/>);
/// staff who see everything get the tabs as capped searches.
/// </summary>
public sealed class InboxQueries(AppealQueries queries, AppealAccess access, AppDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>"Due soon": the deadline falls within this many hours.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(48);

    /// <summary>The filter behind a tab. Every tab holds open appeals only.</summary>
    public AppealSearch Search(InboxTab tab) => tab switch
    {
        InboxTab.New => new AppealSearch(Status: AppealStatus.Assigned),
        InboxTab.InWork => new AppealSearch(Status: AppealStatus.InProgress),
        InboxTab.DueSoon => new AppealSearch(Statuses: [AppealStatus.Assigned, AppealStatus.InProgress], DueSoonBefore: time.GetUtcNow() + DueSoon),
        InboxTab.Overdue => new AppealSearch(Overdue: true),
        _ => new AppealSearch(Status: AppealStatus.InProgress, Rework: true),
    };

    public async Task<InboxView> LoadAsync(Actor actor, InboxTab tab, int page, CancellationToken ct)
    {
        if (actor.Role != "none" && await access.ScopeAsync(actor, ct) is { } scope)
            return await LoadScopedAsync(scope, actor, tab, page, ct);
        var counts = new Dictionary<InboxTab, InboxCount>();
        foreach (var t in Enum.GetValues<InboxTab>().Where(t => t != tab))
        {
            var (count, exact) = await queries.CountAsync(Search(t), actor, ct);
            counts[t] = new InboxCount(count, exact);
        }
        // The open tab's counter is the page's own total (the search counts it anyway); a page past the end (the tab
        // shrank since the link was drawn) is read again as the last page.
        page = Math.Max(1, page);
        var result = await PageAsync(tab, page, actor, ct);
        var pages = Math.Max(1, (int)Math.Ceiling(result.Total / (double)PageSize));
        if (page > pages)
        {
            page = pages;
            result = await PageAsync(tab, page, actor, ct);
        }
        counts[tab] = new InboxCount(result.Total, result.TotalExact);
        var rows = result.Items.Select(i => new InboxRow(i, !string.IsNullOrEmpty(i.Applicant.PrivilegeCategory))).ToList();
        return new InboxView(counts, tab, rows, page, pages);
    }

    /// <summary>One open appeal of the executor's scope with what decides its tabs and its place in a tab.</summary>
    private sealed record Open(long Id, AppealStatus Status, DateTimeOffset? DueAt);

    /// <summary>
    /// Every tab holds open appeals only, so the executor's open appeals (a few thousand even for the busiest executor)
    /// are read once — ids, status and deadline, index-only, joined to <see cref="AppealQueries.ScopedAppealIds"/> —
    /// and the tabs are decided here by exactly the filters of <see cref="Search"/>: counters, privileged-first order and
    /// the page. Two small index-only reads add the open appeals of privileged applicants (R11) and those with a question
    /// returned for rework; only the page's 50 rows are then projected. <c>InboxScopeTests</c> compares every tab with
    /// the capped searches.
    /// </summary>
    private async Task<InboxView> LoadScopedAsync(IReadOnlySet<int> scope, Actor actor, InboxTab tab, int page, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var soon = now + DueSoon;
        var open = AppealStateMachine.OpenStatuses.ToList();
        var mine = (await db.Appeals.AsNoTracking().Where(a => open.Contains(a.Status))
            .Join(queries.ScopedAppealIds(scope), a => a.Id, id => id, (a, _) => new Open(a.Id, a.Status, a.DueAt))
            .ToListAsync(ct))
            .DistinctBy(a => a.Id).ToList();
        HashSet<long> rework = [];
        if (mine.Any(a => a.Status == AppealStatus.InProgress))
        {
            rework = (await db.Questions.AsNoTracking().Where(q => q.ReworkCount > 0 && open.Contains(q.Status))
                .Select(q => q.AppealId).Distinct().ToListAsync(ct)).ToHashSet();
        }

        bool In(InboxTab t, Open a) => t switch
        {
            InboxTab.New => a.Status == AppealStatus.Assigned,
            InboxTab.InWork => a.Status == AppealStatus.InProgress,
            InboxTab.DueSoon => (a.Status is AppealStatus.Assigned or AppealStatus.InProgress) && a.DueAt is { } due && due >= now && due <= soon,
            InboxTab.Overdue => a.DueAt is { } due && due < now,
            _ => a.Status == AppealStatus.InProgress && rework.Contains(a.Id),
        };

        var counts = new Dictionary<InboxTab, InboxCount>();
        foreach (var t in Enum.GetValues<InboxTab>())
        {
            var count = mine.Count(a => In(t, a));
            counts[t] = new InboxCount(Math.Min(count, AppealQueries.MaxCountedTotal), count <= AppealQueries.MaxCountedTotal);
        }
        var pages = Math.Max(1, (int)Math.Ceiling(counts[tab].Count / (double)PageSize));
        page = Math.Clamp(page, 1, pages);
        var inTab = mine.Where(a => In(tab, a)).ToList();
        var privileged = new HashSet<long>();
        if (inTab.Count > 0)
        {
            privileged = (await db.Appeals.AsNoTracking()
                .Where(a => open.Contains(a.Status) && a.Applicant.PrivilegeCategory != null && a.Applicant.PrivilegeCategory != "")
                .Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        }
        // The searches' order: privileged first (R11), then by deadline (PostgreSQL's order: no deadline last), then id.
        var ids = inTab
            .OrderBy(a => privileged.Contains(a.Id) ? 0 : 1).ThenBy(a => a.DueAt is null).ThenBy(a => a.DueAt).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(a => a.Id).ToList();
        var items = await queries.ListAsync(ids, actor, ct);
        var rows = items.Select(i => new InboxRow(i, !string.IsNullOrEmpty(i.Applicant.PrivilegeCategory))).ToList();
        return new InboxView(counts, tab, rows, page, pages);
    }

    private Task<PagedResult<AppealListItem>> PageAsync(InboxTab tab, int page, Actor actor, CancellationToken ct) =>
        queries.SearchAsync(Search(tab) with { Page = page, PageSize = PageSize, Sort = "due", PrivilegedFirst = true }, actor, ct);
}
