namespace ContactCenter.Features.ApiKeys;

/// <summary>A machine key («X-Api-Key»), stored hashed, bound to a role and, for executors, one organisation.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, to find it without scanning every hash.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }
    public required string Role { get; set; }
    public int? ExecutorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
