using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Telephony;

/// <summary><c>ContactCenter:Telephony</c>: the PBX. Without a secret the CTI webhook answers 503.</summary>
public sealed class TelephonyOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Telephony";

    /// <summary>Shared secret of the HMAC-SHA256 signature (<c>X-Signature</c>) in both directions.</summary>
    public string? Secret { get; set; }
    /// <summary>Click-to-call: the PBX originate URL; <c>{extension}</c>, <c>{number}</c> (E.164), <c>{callId}</c> are filled in, URL-escaped.</summary>
    public string? OriginateUrlTemplate { get; set; }
    /// <summary>Appeals of the caller registered up to this long after the call ended are linked to it.</summary>
    [Range(0, 1440)]
    public int LinkAppealsMinutes { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Secret is { Length: > 0 and < 16 })
            yield return new ValidationResult("ContactCenter:Telephony:Secret must be at least 16 characters.", [nameof(Secret)]);
        if (OriginateUrlTemplate is { Length: > 0 } t && !Uri.TryCreate(t.Replace("{", "").Replace("}", ""), UriKind.Absolute, out _))
            yield return new ValidationResult("ContactCenter:Telephony:OriginateUrlTemplate must be an absolute URL.", [nameof(OriginateUrlTemplate)]);
    }
}
