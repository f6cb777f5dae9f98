using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Addresses;

/// <summary>
/// Searches the community's address register. Matching tolerates street types, abbreviations, apostrophes and case:
/// "вул. Шевченка 12", "шевченка,12" and "Шевченка буд. 12" find the same building.
/// </summary>
public sealed class AddressRegister(AppDbContext db)
{
    private static readonly string[] TypeWords =
    [
        "вулиця", "вул", "проспект", "просп", "пр-т", "пр", "провулок", "пров", "площа", "пл", "бульвар", "бул", "б-р",
        "узвіз", "набережна", "наб", "шосе", "тупик", "проїзд", "алея", "майдан", "буд", "будинок", "кв", "м", "місто", "село", "с",
    ];

    /// <summary>Lower-case, apostrophes unified and dropped, punctuation to spaces, type words removed.</summary>
    public static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace("'", "", StringComparison.Ordinal)
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        var words = new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !TypeWords.Contains(w));
        return string.Join(' ', words);
    }

    public async Task<IReadOnlyList<AddressView>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var normalized = Normalize(query);
        if (normalized.Length == 0)
            return [];
        var words = normalized.Split(' ');
        var number = words.LastOrDefault(w => char.IsDigit(w[0]));
        var streetWords = words.Where(w => w != number).ToList();
        var buildings = db.Buildings.AsNoTracking().AsQueryable();
        foreach (var w in streetWords)
            buildings = buildings.Where(b => b.Street.SearchName.Contains(w));
        if (number is not null)
            buildings = buildings.Where(b => b.Number.ToLower().StartsWith(number));
        var rows = await buildings
            .OrderBy(b => b.Street.Name).ThenBy(b => b.Number.Length).ThenBy(b => b.Number)
            .Take(limit)
            .Select(b => new { b.Id, b.Number, b.Lat, b.Long, District = b.DistrictId ?? b.Street.DistrictId, b.Street.Name, b.Street.Type })
            .ToListAsync(ct);
        var districtIds = rows.Select(r => r.District).OfType<int>().Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return rows.Select(r => new AddressView(r.Id, $"{r.Type} {r.Name}, {r.Number}", r.Name, r.Type, r.Number, r.District,
            r.District is { } d ? districts.GetValueOrDefault(d) : null, r.Lat, r.Long)).ToList();
    }
}
