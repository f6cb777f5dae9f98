using ContactCenter.Features.Addresses;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Informing;

/// <summary>One affected area as the console's area editor holds it (Components/Pages/OutageAreasEditor.razor).</summary>
public sealed class AreaRow
{
    public OutageAreaKind Kind { get; set; } = OutageAreaKind.Street;
    public StreetEntry? Street { get; set; }
    public string? Buildings { get; set; }
    public int? From { get; set; }
    public int? To { get; set; }
    public StreetSide Side { get; set; } = StreetSide.All;
    public int? DistrictId { get; set; }

    public OutageAreaInput ToInput() => new(Kind, Kind == OutageAreaKind.District ? null : Street?.Id, null,
        Kind == OutageAreaKind.District ? DistrictId : null,
        Kind == OutageAreaKind.Buildings ? (Buildings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
        Kind == OutageAreaKind.Range ? From : null, Kind == OutageAreaKind.Range ? To : null,
        Kind is OutageAreaKind.Street or OutageAreaKind.Range ? Side : null);
}

public sealed record DistrictOption(int Id, string Name);

/// <summary>Look-ups of the outage console pages (districts, streets with their district).</summary>
public sealed class OutageConsoleLookups(AppDbContext db, StreetCatalog streets)
{
    public async Task<IReadOnlyList<DistrictOption>> DistrictsAsync(CancellationToken ct) =>
        await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new DistrictOption(d.Id, d.Name)).ToListAsync(ct);

    public Task<IReadOnlyList<StreetEntry>> StreetsAsync(CancellationToken ct) => streets.AllAsync(ct);

    public static IEnumerable<StreetEntry> Match(IReadOnlyList<StreetEntry> all, string? text)
    {
        var q = AddressRegister.Normalize(text ?? "");
        return all.Where(s => q.Length == 0 || s.SearchName.Contains(q, StringComparison.Ordinal) || s.FormerNames.Any(f => f.Contains(q, StringComparison.Ordinal)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).Take(20);
    }
}
