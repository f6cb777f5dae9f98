using System.Text.RegularExpressions;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Addresses;

/// <summary>A free-text address resolved through the register: a building, or only a street when no number matched.</summary>
public sealed record ResolvedAddress(int? BuildingId, int StreetId, int? DistrictId, string Address);

/// <summary>
/// Searches the community's address register. Matching tolerates street types, abbreviations, apostrophes, case,
/// former street names and one-letter typos: "вул. Шевченка 12", "шевченка,12", "Шевченко 12" and
/// "Леніна 12" (the old name) find the same building. Streets are matched in memory over <see cref="StreetCatalog"/>
/// (a community has at most a few thousand), buildings are then read for the matched streets only.
/// </summary>
public sealed partial class AddressRegister(AppDbContext db, StreetCatalog catalog)
{
    private static readonly HashSet<string> TypeWords =
    [
        "вулиця", "вул", "проспект", "просп", "пр-т", "пр", "провулок", "пров", "площа", "пл", "бульвар", "бул", "б-р",
        "узвіз", "узв", "набережна", "наб", "шосе", "тупик", "проїзд", "алея", "майдан", "буд", "будинок", "кв", "м", "місто", "село", "с",
        "мікрорайон", "мкр", "квартал",
    ];

    /// <summary>Lower-case, apostrophes unified and dropped, punctuation to spaces, type words removed.</summary>
    public static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant()
            .Replace("пр-т", " ", StringComparison.Ordinal).Replace("б-р", " ", StringComparison.Ordinal).Replace("пр-к", " ", StringComparison.Ordinal)
            .Replace('\u2019', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace('\u2018', '\'').Replace("'", "", StringComparison.Ordinal)
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        var words = new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !TypeWords.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>A building number in comparable form: "12-А", "12 а" and "12а" are the same; "12/1" keeps its slash.</summary>
    public static string NormalizeNumber(string number) =>
        new(number.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '/').ToArray());

    /// <summary>The leading integer of a building number ("12а" → 12), for ranges and odd/even sides.</summary>
    public static int? NumberValue(string number)
    {
        var digits = new string(number.TrimStart().TakeWhile(char.IsDigit).ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // Apartments are not part of the building: "Соборна 5, кв. 12" is building 5.
    [GeneratedRegex(@"(кв\.?|квартира|кімн\.?|офіс)\s*\d+\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Apartment();

    // A building number: digits, an optional letter ("12а", "12-А", "12 а") and an optional slash part ("12/1").
    [GeneratedRegex(@"(?<![\p{L}\d])(\d+)(?:\s*-?\s*(\p{L})(?!\p{L}))?(?:\s*/\s*(\d+\p{L}?))?(?![\p{L}\d])")]
    private static partial Regex BuildingNumber();

    /// <summary>Splits a free-text address into its street words and building number.</summary>
    public static (string Street, string? Number) Parse(string query)
    {
        var text = Apartment().Replace(query, " ");
        var matches = BuildingNumber().Matches(text);
        if (matches.Count == 0)
            return (Normalize(text), null);
        var m = matches[^1];
        var number = m.Groups[1].Value + m.Groups[2].Value + (m.Groups[3].Success ? "/" + m.Groups[3].Value : "");
        var street = Normalize(text.Remove(m.Index, m.Length));
        if (street.Length == 0)
            return (Normalize(text), null); // a street named by a number alone ("8 Березня" said without a house)
        return (street, NormalizeNumber(number));
    }

    public async Task<IReadOnlyList<AddressView>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var (streetText, number) = Parse(query);
        if (streetText.Length == 0)
            return [];
        var streets = (await catalog.MatchAsync(streetText, ct)).Take(50).ToList();
        if (streets.Count == 0)
            return [];
        var ids = streets.Select(s => s.Id).ToList();
        var rows = await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.StreetId))
            .Select(b => new { b.Id, b.StreetId, b.Number, b.Lat, b.Long, b.DistrictId })
            .ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var picked = rows
            .Where(b => number is null || NormalizeNumber(b.Number).StartsWith(number, StringComparison.Ordinal))
            .OrderBy(b => number is not null && NormalizeNumber(b.Number) == number ? 0 : 1)
            .ThenBy(b => order[b.StreetId]).ThenBy(b => NumberValue(b.Number) ?? int.MaxValue).ThenBy(b => b.Number, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var byId = streets.ToDictionary(s => s.Id);
        var districtIds = picked.Select(r => r.DistrictId ?? byId[r.StreetId].DistrictId).OfType<int>().Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return picked.Select(r =>
        {
            var s = byId[r.StreetId];
            var district = r.DistrictId ?? s.DistrictId;
            return new AddressView(r.Id, $"{s.Type} {s.Name}, {r.Number}", s.Name, s.Type, r.Number, district,
                district is { } d ? districts.GetValueOrDefault(d) : null, r.Lat, r.Long);
        }).ToList();
    }

    /// <summary>
    /// Resolves a caller's free-text address to one building (or one street when no number is given or the number is not
    /// in the register); null when no street matches or several streets match equally well.
    /// </summary>
    public async Task<ResolvedAddress?> ResolveAsync(string text, CancellationToken ct)
    {
        var (streetText, number) = Parse(text);
        if (streetText.Length == 0)
            return null;
        var streets = await catalog.MatchAsync(streetText, ct);
        if (streets.Count == 0)
            return null;
        var best = streets.Where(s => s.Score == streets[0].Score).ToList();
        if (number is not null)
        {
            var ids = best.Select(s => s.Id).ToList();
            var buildings = await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.StreetId))
                .Select(b => new { b.Id, b.StreetId, b.Number, b.DistrictId }).ToListAsync(ct);
            var hits = buildings.Where(b => NormalizeNumber(b.Number) == number).ToList();
            if (hits.Count == 1)
            {
                var s = best.First(x => x.Id == hits[0].StreetId);
                return new ResolvedAddress(hits[0].Id, s.Id, hits[0].DistrictId ?? s.DistrictId, $"{s.Type} {s.Name}, {hits[0].Number}");
            }
        }
        if (best.Count != 1)
            return null;
        return new ResolvedAddress(null, best[0].Id, best[0].DistrictId, $"{best[0].Type} {best[0].Name}");
    }

    /// <summary>One building by id, as an address.</summary>
    public async Task<ResolvedAddress?> BuildingAsync(int buildingId, CancellationToken ct)
    {
        var b = await db.Buildings.AsNoTracking().Where(x => x.Id == buildingId)
            .Select(x => new { x.Id, x.StreetId, x.Number, District = x.DistrictId ?? x.Street.DistrictId, x.Street.Type, x.Street.Name })
            .FirstOrDefaultAsync(ct);
        return b is null ? null : new ResolvedAddress(b.Id, b.StreetId, b.District, $"{b.Type} {b.Name}, {b.Number}");
    }
}
