using System.Globalization;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Addresses;

public sealed record RejectedLine(int Line, string Text, string Reason);

public sealed record AddressImportReport(int Lines, int Accepted, int DistrictsCreated, int StreetsCreated, int AliasesCreated,
    int BuildingsCreated, int BuildingsUpdated, IReadOnlyList<RejectedLine> Rejected);

/// <summary>Told when the register changed, so that what was computed from it (outage coverage) is computed again.</summary>
public interface IAddressRegisterListener
{
    Task AddressRegisterChangedAsync(CancellationToken ct);
}

/// <summary>
/// Imports the address register from CSV (F11.1): UTF-8, separator <c>;</c>, columns
/// <c>district;street_type;street;former_names;building;lat;lon</c> (a header line is optional). Former names are
/// separated by <c>|</c>; an empty building adds the street only; lat/lon are optional decimals with a dot.
/// Lines are upserted (a repeated import changes nothing); bad lines are rejected with the reason, the rest are imported.
/// </summary>
public sealed class AddressImport(AppDbContext db, StreetCatalog catalog, AuditLog audit, IEnumerable<IAddressRegisterListener> listeners)
{
    public const int MaxLines = 200_000;

    public async Task<AddressImportReport> ImportAsync(TextReader reader, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
            throw new ForbiddenException(Text.Get("error.forbidden"));

        var districts = await db.Districts.ToDictionaryAsync(d => d.Name.Trim().ToLowerInvariant(), ct);
        var streets = await db.Streets.Include(s => s.Aliases).ToListAsync(ct);
        var streetByKey = streets.GroupBy(s => (s.Type, s.SearchName)).ToDictionary(g => g.Key, g => g.First());
        var buildings = await db.Buildings.ToListAsync(ct);
        var buildingByKey = buildings.GroupBy(b => (b.StreetId, AddressRegister.NormalizeNumber(b.Number))).ToDictionary(g => g.Key, g => g.First());
        var newBuildings = new Dictionary<(Street, string), Building>();

        // New districts are saved as they appear (there are few), so that streets and buildings get their ids. No explicit
        // transaction: an import is an upsert, so running it again after a failure completes it.
        var rejected = new List<RejectedLine>();
        int lines = 0, accepted = 0, districtsCreated = 0, streetsCreated = 0, aliasesCreated = 0, buildingsCreated = 0, buildingsUpdated = 0;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            if (lineNumber == 1 && raw.TrimStart('\uFEFF').StartsWith("district", StringComparison.OrdinalIgnoreCase))
                continue;
            lines++;
            if (lines > MaxLines)
            {
                rejected.Add(new RejectedLine(lineNumber, Cut(raw), Text.Get("import.tooManyLines", MaxLines)));
                break;
            }
            var cells = raw.TrimStart('\uFEFF').Split(';').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (cells.Length != 7)
            {
                rejected.Add(new RejectedLine(lineNumber, Cut(raw), Text.Get("import.columns", cells.Length)));
                continue;
            }
            var (districtName, typeText, streetName, formerNames, number, latText, lonText) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]);
            var type = StreetTypes.Resolve(typeText);
            string? reason = null;
            double? lat = null, lon = null;
            if (streetName.Length == 0 || AddressRegister.Normalize(streetName).Length == 0)
                reason = Text.Get("import.streetRequired");
            else if (streetName.Length > 200)
                reason = Text.Get("field.tooLong", 200);
            else if (type is null)
                reason = Text.Get("import.streetType", typeText);
            else if (number.Length > 20 || (number.Length > 0 && AddressRegister.NumberValue(number) is null))
                reason = Text.Get("import.building", number);
            else if ((latText.Length > 0) != (lonText.Length > 0))
                reason = Text.Get("import.coordinatesPair");
            else if (latText.Length > 0)
            {
                if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                    || !double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                    reason = Text.Get("import.coordinates", latText, lonText);
                else
                    (lat, lon) = (la, lo);
            }
            if (reason is null && districtName.Length > 200)
                reason = Text.Get("field.tooLong", 200);
            if (reason is not null)
            {
                rejected.Add(new RejectedLine(lineNumber, Cut(raw), reason));
                continue;
            }
            accepted++;

            District? district = null;
            if (districtName.Length > 0 && !districts.TryGetValue(districtName.ToLowerInvariant(), out district))
            {
                district = new District { Name = districtName };
                db.Districts.Add(district);
                await db.SaveChangesAsync(ct);
                districts[districtName.ToLowerInvariant()] = district;
                districtsCreated++;
            }
            var key = (type!, AddressRegister.Normalize(streetName));
            if (!streetByKey.TryGetValue(key, out var street))
            {
                street = new Street { Type = type!, Name = streetName, SearchName = key.Item2, DistrictId = district?.Id };
                db.Streets.Add(street);
                streetByKey[key] = street;
                streetsCreated++;
            }
            foreach (var former in formerNames.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var search = AddressRegister.Normalize(former);
                if (search.Length == 0 || search == street.SearchName || street.Aliases.Any(a => a.SearchName == search))
                    continue;
                street.Aliases.Add(new StreetAlias { Name = former.Length > 200 ? former[..200] : former, SearchName = search });
                aliasesCreated++;
            }
            if (number.Length == 0)
                continue;
            var numberKey = AddressRegister.NormalizeNumber(number);
            Building? building = null;
            if (street.Id != 0)
                buildingByKey.TryGetValue((street.Id, numberKey), out building);
            else
                newBuildings.TryGetValue((street, numberKey), out building);
            if (building is null)
            {
                // A building keeps its own district only where it differs from its street's.
                var own = district is not null && district.Id != street.DistrictId ? district.Id : (int?)null;
                building = new Building { Street = street, Number = number, Lat = lat, Long = lon, DistrictId = own };
                db.Buildings.Add(building);
                if (street.Id == 0)
                    newBuildings[(street, numberKey)] = building;
                else
                    buildingByKey[(street.Id, numberKey)] = building;
                buildingsCreated++;
            }
            else if (lat is not null && (building.Lat != lat || building.Long != lon))
            {
                building.Lat = lat;
                building.Long = lon;
                buildingsUpdated++;
            }
        }

        audit.Add(actor, "import", "addressRegister", null,
            $"lines={lines}; accepted={accepted}; rejected={rejected.Count}; streets+={streetsCreated}; buildings+={buildingsCreated}");
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        foreach (var listener in listeners)
            await listener.AddressRegisterChangedAsync(ct);
        return new AddressImportReport(lines, accepted, districtsCreated, streetsCreated, aliasesCreated, buildingsCreated, buildingsUpdated, rejected);
    }

    private static string Cut(string line) => line.Length > 300 ? line[..300] : line;
}
