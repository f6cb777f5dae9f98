namespace ContactCenter.Features.Addresses;

public sealed class District
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>A street of the community's address register.</summary>
public sealed class Street
{
    public int Id { get; set; }
    /// <summary>вулиця, проспект, провулок, площа, бульвар … (the full word, see <see cref="StreetTypes"/>).</summary>
    public required string Type { get; set; }
    public required string Name { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>Lower-cased name without type or apostrophes, for matching.</summary>
    public string SearchName { get; set; } = "";
    public List<Building> Buildings { get; set; } = [];
    public List<StreetAlias> Aliases { get; set; } = [];
}

/// <summary>
/// A former name of a street (decommunisation and derussification renamed many: "Леніна" → "Соборна").
/// Callers still say the old name, so search matches it too.
/// </summary>
public sealed class StreetAlias
{
    public int Id { get; set; }
    public int StreetId { get; set; }
    public required string Name { get; set; }
    public string SearchName { get; set; } = "";
}

public sealed class Building
{
    public int Id { get; set; }
    public int StreetId { get; set; }
    public Street Street { get; set; } = null!;
    public required string Number { get; set; }
    public int? DistrictId { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }
}

/// <summary>Street types and the abbreviations people write for them.</summary>
public static class StreetTypes
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["вулиця"] = "вулиця",
        ["вул"] = "вулиця",
        ["проспект"] = "проспект",
        ["просп"] = "проспект",
        ["пр-т"] = "проспект",
        ["пр"] = "проспект",
        ["провулок"] = "провулок",
        ["пров"] = "провулок",
        ["пр-к"] = "провулок",
        ["площа"] = "площа",
        ["пл"] = "площа",
        ["бульвар"] = "бульвар",
        ["бул"] = "бульвар",
        ["б-р"] = "бульвар",
        ["узвіз"] = "узвіз",
        ["узв"] = "узвіз",
        ["набережна"] = "набережна",
        ["наб"] = "набережна",
        ["шосе"] = "шосе",
        ["тупик"] = "тупик",
        ["проїзд"] = "проїзд",
        ["алея"] = "алея",
        ["майдан"] = "майдан",
        ["мікрорайон"] = "мікрорайон",
        ["мкр"] = "мікрорайон",
        ["квартал"] = "квартал",
    };

    /// <summary>The full type word for a type or its abbreviation ("вул." → "вулиця"), or null when unknown.</summary>
    public static string? Resolve(string? text)
    {
        var key = (text ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        return key.Length == 0 ? null : Canonical.GetValueOrDefault(key);
    }
}
