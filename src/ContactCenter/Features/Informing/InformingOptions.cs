using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Informing;

/// <summary><c>ContactCenter:Informing</c>: subscriptions to outage news and broadcasts (F8.3).</summary>
public sealed class InformingOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Informing";

    /// <summary>Broadcast messages the outbox hands to one channel (SMTP server, Bot API) per minute, over all instances.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 120;

    /// <summary>The portal's public address, for the confirmation and unsubscribe links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>A pending e-mail subscription's confirmation link is re-sent at most once per this many minutes.</summary>
    [Range(1, 10_080)]
    public int ConfirmationResendMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("ContactCenter:Informing:PublicBaseUrl must be an absolute URL.", [nameof(PublicBaseUrl)]);
    }

    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
