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
    /// <summary>вулиця, проспект, провулок, площа, бульвар …</summary>
    public required string Type { get; set; }
    public required string Name { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>Lower-cased name without type or apostrophes, for matching.</summary>
    public string SearchName { get; set; } = "";
    public List<Building> Buildings { get; set; } = [];
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
