namespace ContactCenter.Features.Outages;

/// <summary>
/// Which appeal categories an outage type explains: a new question in one of them (or a subcategory) at a covered
/// address is linked to the outage automatically. Codes of the standard category tree (ReferenceDataSeeder).
/// </summary>
public static class OutageCategories
{
    public static readonly IReadOnlyDictionary<OutageType, string[]> ByType = new Dictionary<OutageType, string[]>
    {
        [OutageType.Water] = ["utilities.water", "utilities.emergency"],
        [OutageType.Heating] = ["utilities.heating", "utilities.emergency"],
        [OutageType.HotWater] = ["utilities.hotwater", "utilities.emergency"],
        [OutageType.Electricity] = ["utilities.electricity", "utilities.emergency"],
        [OutageType.Gas] = ["utilities.gas", "utilities.emergency"],
        [OutageType.Sewerage] = ["utilities.sewerage", "utilities.emergency"],
        [OutageType.Roads] = ["improvement.roads"],
        [OutageType.Other] = [],
    };

    public static bool Explains(OutageType type, string categoryCode) =>
        ByType.TryGetValue(type, out var codes)
        && codes.Any(c => categoryCode == c || categoryCode.StartsWith(c + ".", StringComparison.Ordinal));
}
