namespace ContactCenter.Features.Blocklist;

public enum BlockKind { Phone, Email, Telegram }

/// <summary>A blocked applicant contact (F5.4): every channel asks <see cref="BlocklistService.IsBlockedAsync"/> before accepting.</summary>
public sealed class BlockedContact
{
    public int Id { get; set; }
    public BlockKind Kind { get; set; }
    /// <summary>Normalised: E.164 for phones, lower case for e-mail, the numeric id for Telegram.</summary>
    public required string Value { get; set; }
    public required string Reason { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Null = until lifted.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
