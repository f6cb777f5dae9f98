using ContactCenter.Features.Addresses;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Outages;

/// <summary>
/// After an appeal is registered: each question whose place is covered by an active outage of a type that explains its
/// category (<see cref="OutageCategories"/>) is linked to that outage — a mass incident, worked by closing the outage.
/// The place is the question's building, or its free-text address resolved through the register.
/// </summary>
public sealed class OutageAutoLinker(AppDbContext db, OutageCoverage coverage, OutageService outages, AddressRegister register, TimeProvider time)
    : IAppealRegisteredHook
{
    public async Task AppealRegisteredAsync(Appeal appeal, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Most registrations happen with no outage going on: one cheap indexed question spares resolving addresses.
        if (!await db.Outages.AnyAsync(o => !o.IsClosed && o.StartsAt <= now, ct))
            return;
        foreach (var question in appeal.Questions.OrderBy(q => q.Number))
        {
            if (!OutageCategories.ByType.Keys.Any(t => OutageCategories.Explains(t, question.CategoryCode)))
                continue;
            var buildingId = question.Location.BuildingId;
            if (buildingId is null && !string.IsNullOrWhiteSpace(question.Location.Address))
                buildingId = (await register.ResolveAsync(question.Location.Address, ct))?.BuildingId;
            if (buildingId is not { } building)
                continue;
            var covering = await coverage.AtBuildingAsync(building, ct);
            foreach (var outage in covering.Where(o => o.StartsAt <= now && OutageCategories.Explains(o.Type, question.CategoryCode)).OrderBy(o => o.Id))
                await outages.LinkAsync(outage.Id, new OutageLinkInput(appeal.RegistrationNumber, question.Number), Actor.System, automatic: true, ct);
        }
    }
}

/// <summary>Recomputes open outages' coverage when the address register is imported.</summary>
public sealed class OutageCoverageRefresher(OutageService outages) : IAddressRegisterListener
{
    public Task AddressRegisterChangedAsync(CancellationToken ct) => outages.RecomputeOpenAsync(ct);
}
