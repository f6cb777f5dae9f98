using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Console;

public enum InboxTab { New, InWork, DueSoon, Overdue, Rework }

public sealed record InboxRow(AppealListItem Item, bool Privileged);

/// <summary>
/// The executor's inbox tabs, built from <see cref="AppealQueries.SearchAsync"/> (so access, masking and the
/// overdue rule are the API's) and ordered as the desk works: privileged applicants first, then by deadline.
/// </summary>
public sealed class InboxQueries(AppealQueries queries, AppDbContext db, TimeProvider time)
{
    public const int Limit = AppealQueries.MaxPageSize;

    /// <summary>"Due soon": the deadline falls within this many hours.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(48);

    public async Task<Dictionary<InboxTab, IReadOnlyList<InboxRow>>> LoadAsync(Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var assigned = await queries.SearchAsync(new AppealSearch(Status: AppealStatus.Assigned, PageSize: Limit), actor, ct);
        var inWork = await queries.SearchAsync(new AppealSearch(Status: AppealStatus.InProgress, PageSize: Limit), actor, ct);
        var overdue = await queries.SearchAsync(new AppealSearch(Overdue: true, PageSize: Limit), actor, ct);
        var inWorkNumbers = inWork.Items.Select(i => i.RegistrationNumber).ToList();
        var rework = await db.Questions.AsNoTracking()
            .Where(q => q.ReworkCount > 0 && q.Status == AppealStatus.InProgress && inWorkNumbers.Contains(q.Appeal.RegistrationNumber))
            .Select(q => q.Appeal.RegistrationNumber).Distinct().ToListAsync(ct);
        var open = assigned.Items.Concat(inWork.Items).ToList();
        return new Dictionary<InboxTab, IReadOnlyList<InboxRow>>
        {
            [InboxTab.New] = Order(assigned.Items),
            [InboxTab.InWork] = Order(inWork.Items),
            [InboxTab.DueSoon] = Order(open.Where(i => !i.Overdue && i.DueAt is { } d && d - now <= DueSoon)),
            [InboxTab.Overdue] = Order(overdue.Items),
            [InboxTab.Rework] = Order(inWork.Items.Where(i => rework.Contains(i.RegistrationNumber))),
        };
    }

    private static List<InboxRow> Order(IEnumerable<AppealListItem> items) =>
        items.Select(i => new InboxRow(i, !string.IsNullOrEmpty(i.Applicant.PrivilegeCategory)))
            .OrderByDescending(r => r.Privileged)
            .ThenBy(r => r.Item.DueAt ?? DateTimeOffset.MaxValue)
            .ToList();
}
