using ContactCenter.Features.Addresses;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Outages;

/// <summary>An open outage covering a place, as the coverage index gives it.</summary>
public sealed record CoveringOutage(long Id, OutageType Type, DateTimeOffset StartsAt);

/// <summary>
/// "Which outages cover this building" must answer in a few milliseconds with a thousand active outages over tens of
/// thousands of buildings (issue 7). Areas (streets, number lists, ranges with sides, districts) are expanded to building
/// ids when an outage is saved, into <c>outage_buildings</c> keyed (building_id, outage_id); the question is then one
/// index seek joined to the few open outages. Being in the database, the answer is the same on every instance.
/// The expansion is recomputed for open outages when the address register changes.
/// </summary>
public sealed class OutageCoverage(AppDbContext db)
{
    /// <summary>The buildings the areas cover, by the register as it is now.</summary>
    public async Task<HashSet<int>> ExpandAsync(IReadOnlyList<OutageArea> areas, CancellationToken ct)
    {
        var covered = new HashSet<int>();
        var streetIds = areas.Where(a => a.Kind != OutageAreaKind.District && a.StreetId is not null).Select(a => a.StreetId!.Value).Distinct().ToList();
        if (streetIds.Count > 0)
        {
            var buildings = (await db.Buildings.AsNoTracking().Where(b => streetIds.Contains(b.StreetId))
                .Select(b => new { b.Id, b.StreetId, b.Number }).ToListAsync(ct)).ToLookup(b => b.StreetId);
            foreach (var area in areas.Where(a => a.Kind != OutageAreaKind.District && a.StreetId is not null))
            {
                var numbers = area.Kind == OutageAreaKind.Buildings ? SplitNumbers(area.Numbers).Select(AddressRegister.NormalizeNumber).ToHashSet() : null;
                foreach (var b in buildings[area.StreetId!.Value])
                {
                    if (Covers(area, b.Number, numbers))
                        covered.Add(b.Id);
                }
            }
        }
        var districtIds = areas.Where(a => a.Kind == OutageAreaKind.District && a.DistrictId is not null).Select(a => a.DistrictId!.Value).Distinct().ToList();
        if (districtIds.Count > 0)
        {
            var inDistricts = await db.Buildings.AsNoTracking()
                .Where(b => (b.DistrictId != null && districtIds.Contains(b.DistrictId.Value))
                    || (b.DistrictId == null && b.Street.DistrictId != null && districtIds.Contains(b.Street.DistrictId.Value)))
                .Select(b => b.Id).ToListAsync(ct);
            covered.UnionWith(inDistricts);
        }
        return covered;
    }

    /// <summary>Whether a street area covers a building number: the whole street, a listed number, or a range on a side.</summary>
    public static bool Covers(OutageArea area, string number, IReadOnlySet<string>? listed = null)
    {
        switch (area.Kind)
        {
            case OutageAreaKind.Buildings:
                listed ??= SplitNumbers(area.Numbers).Select(AddressRegister.NormalizeNumber).ToHashSet();
                return listed.Contains(AddressRegister.NormalizeNumber(number));
            case OutageAreaKind.Street:
            case OutageAreaKind.Range:
                var value = AddressRegister.NumberValue(number);
                if (area.Kind == OutageAreaKind.Range)
                {
                    if (value is null || value < area.FromNumber || value > area.ToNumber)
                        return false;
                }
                return area.Side switch
                {
                    StreetSide.Odd => value is { } o && o % 2 == 1,
                    StreetSide.Even => value is { } e && e % 2 == 0,
                    _ => true,
                };
            default:
                return false;
        }
    }

    public static IEnumerable<string> SplitNumbers(string? numbers) =>
        (numbers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Replaces the outage's expanded coverage (the outage must be saved already).</summary>
    public async Task ReplaceAsync(Outage outage, CancellationToken ct)
    {
        await db.OutageBuildings.Where(x => x.OutageId == outage.Id).ExecuteDeleteAsync(ct);
        if (outage.IsClosed)
            return;
        var buildings = await ExpandAsync(outage.Areas, ct);
        db.OutageBuildings.AddRange(buildings.Select(id => new OutageBuilding { BuildingId = id, OutageId = outage.Id }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Open (planned or active) outages covering one building: one index seek.</summary>
    public Task<List<CoveringOutage>> AtBuildingAsync(int buildingId, CancellationToken ct) =>
        (from ob in db.OutageBuildings
         where ob.BuildingId == buildingId
         join o in db.Outages on ob.OutageId equals o.Id
         where !o.IsClosed
         select new CoveringOutage(o.Id, o.Type, o.StartsAt)).AsNoTracking().ToListAsync(ct);

    /// <summary>Open outages touching a street: an area on it, a covered building on it, or its whole district.</summary>
    public async Task<List<CoveringOutage>> AtStreetAsync(int streetId, int? districtId, CancellationToken ct)
    {
        var byArea = await db.Outages.AsNoTracking()
            .Where(o => !o.IsClosed && db.OutageAreas.Any(a => a.OutageId == o.Id
                && ((a.StreetId == streetId && a.Kind != OutageAreaKind.District) || (districtId != null && a.Kind == OutageAreaKind.District && a.DistrictId == districtId))))
            .Select(o => new CoveringOutage(o.Id, o.Type, o.StartsAt)).ToListAsync(ct);
        var byBuilding = await (from ob in db.OutageBuildings
                                join b in db.Buildings on ob.BuildingId equals b.Id
                                where b.StreetId == streetId
                                join o in db.Outages on ob.OutageId equals o.Id
                                where !o.IsClosed
                                select new CoveringOutage(o.Id, o.Type, o.StartsAt)).AsNoTracking().Distinct().ToListAsync(ct);
        return byArea.Concat(byBuilding).DistinctBy(o => o.Id).ToList();
    }
}
