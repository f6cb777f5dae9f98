namespace ContactCenter.Features.Open311;

/// <summary>A GeoReport v2 token: returned with every posted request, resolvable later by GET tokens/{token}.</summary>
public sealed class Open311Token
{
    public required string Token { get; set; }
    public long AppealId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
