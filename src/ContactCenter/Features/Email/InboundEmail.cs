using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Email;

/// <summary>Held: a hate-speech term was found; an operator releases it to the drafts or discards it (F5.4, Control).</summary>
public enum InboundEmailOutcome { Draft, Registered, AttachedToAppeal, Blocked, Held }

/// <summary>
/// One message taken from the intake mailbox (F2.2). Its unique <see cref="MessageId"/> is committed together with what
/// the message became (a draft, a reply on an appeal), so fetching it again after a crash registers nothing twice.
/// </summary>
public sealed class InboundEmail
{
    public long Id { get; set; }
    /// <summary>The Message-ID header, or a hash of the message when it has none.</summary>
    public required string MessageId { get; set; }
    public string? FromAddress { get; set; }
    public string? FromName { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public InboundEmailOutcome Outcome { get; set; }
    /// <summary>The appeal the message became or was attached to.</summary>
    public long? AppealId { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? ProcessedByName { get; set; }
    public List<InboundEmailAttachment> Attachments { get; set; } = [];
}

/// <summary>A file of a draft, kept until an operator registers the draft (then copied to the appeal).</summary>
public sealed class InboundEmailAttachment
{
    public long Id { get; set; }
    public long InboundEmailId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary><c>ContactCenter:Imap</c>: the intake mailbox. Unset host = no intake.</summary>
public sealed class ImapOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Imap";

    public string? Host { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 993;
    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
    [Range(5, 86400)]
    public int PollSeconds { get; set; } = 60;
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    public bool Configured => Host is { Length: > 0 };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Configured && User is not { Length: > 0 })
            yield return new ValidationResult("ContactCenter:Imap:User is required when Host is set.", [nameof(User)]);
        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Security, true, out _))
            yield return new ValidationResult("ContactCenter:Imap:Security must be None, StartTls, StartTlsWhenAvailable or SslOnConnect.", [nameof(Security)]);
    }
}
