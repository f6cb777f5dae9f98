using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Console;

public sealed record PossibleDuplicate(string RegistrationNumber, AppealStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, string Description);

/// <summary>
/// What the registration screen shows beside the form before the appeal exists: open appeals about the same building
/// and category (possible duplicates, R9 — the same rule as <c>RelatedAppeals.FindAsync</c> uses for a registered card).
/// </summary>
public sealed class RegistrationAids(AppDbContext db)
{
    public async Task<IReadOnlyList<PossibleDuplicate>> OpenAtPlaceAsync(string categoryCode, int buildingId, CancellationToken ct)
    {
        var open = AppealStateMachine.OpenStatuses.ToList();
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.Location.BuildingId == buildingId && q.CategoryCode == categoryCode && open.Contains(q.Status))
            .OrderByDescending(q => q.Appeal.ReceivedAt).Take(10)
            .Select(q => new PossibleDuplicate(q.Appeal.RegistrationNumber, q.Status, q.Appeal.ReceivedAt, q.DueAt, q.Description))
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.RegistrationNumber).ToList();
    }
}
