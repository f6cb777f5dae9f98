namespace ContactCenter.Features.Categories;

/// <summary>A topic of appeals («категорія», «тематика») in a tree.</summary>
public sealed class Category
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? ParentCode { get; set; }
    public int? DefaultExecutorId { get; set; }
    public string? ReviewTrackCode { get; set; }
    /// <summary>How long before the deadline the executor is warned, in working hours (early-warning threshold).</summary>
    public int EarlyWarningHours { get; set; } = 8;
    public bool AddressRequired { get; set; }
    public string? Open311ServiceCode { get; set; }
    /// <summary>Extra questions an Open311 client asks for this service (GeoReport v2 attributes), as JSON; null = none.</summary>
    public string? Open311Attributes { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
