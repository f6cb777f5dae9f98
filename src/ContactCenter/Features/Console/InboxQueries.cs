using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Security;

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
/// </summary>
public sealed class InboxQueries(AppealQueries queries, TimeProvider time)
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

    private Task<PagedResult<AppealListItem>> PageAsync(InboxTab tab, int page, Actor actor, CancellationToken ct) =>
        queries.SearchAsync(Search(tab) with { Page = page, PageSize = PageSize, Sort = "due", PrivilegedFirst = true }, actor, ct);
}
