namespace ContactCenter.Features.Routing;

/// <summary>Category (+ district, street or building of the problem's place) → executor.</summary>
public sealed class RoutingRule
{
    public int Id { get; set; }
    public required string CategoryCode { get; set; }
    public int? DistrictId { get; set; }
    public int? StreetId { get; set; }
    public int? BuildingId { get; set; }
    public int ExecutorId { get; set; }
}
