using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Notifications;

/// <summary><c>ContactCenter:Notifications</c>: the outbox dispatcher.</summary>
public sealed class NotificationOptions
{
    public const string Section = "ContactCenter:Notifications";

    /// <summary>How often the dispatcher job looks for due messages.</summary>
    [Range(1, 86400)]
    public int PollSeconds { get; set; } = 15;
    /// <summary>After this many failed attempts a message is marked failed and shown so on the card.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;
    /// <summary>First retry delay; each next one doubles (exponential back-off), capped at <see cref="MaxDelaySeconds"/>.</summary>
    [Range(1, 86400)]
    public int BaseDelaySeconds { get; set; } = 30;
    [Range(1, 604800)]
    public int MaxDelaySeconds { get; set; } = 6 * 3600;
    /// <summary>How long a claim lasts; longer than any gateway time-out, so a live sender never loses its row.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}

/// <summary><c>ContactCenter:Smtp</c>: outbound e-mail. Unset host = e-mail notifications wait until configured.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Smtp";

    public string? Host { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    [EmailAddress]
    public string? From { get; set; }
    public string FromName { get; set; } = "Контакт-центр громади";

    public bool Configured => Host is { Length: > 0 };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Configured && From is not { Length: > 0 })
            yield return new ValidationResult("ContactCenter:Smtp:From is required when Host is set.", [nameof(From)]);
        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Security, true, out _))
            yield return new ValidationResult("ContactCenter:Smtp:Security must be None, StartTls, StartTlsWhenAvailable or SslOnConnect.", [nameof(Security)]);
    }
}

/// <summary>
/// <c>ContactCenter:Sms</c>: one HTTP gateway. <see cref="UrlTemplate"/> may hold <c>{phone}</c> (E.164 without '+':
/// <c>{msisdn}</c>), <c>{text}</c> and <c>{id}</c> (the idempotency key), URL-escaped. GET sends just the URL; POST also
/// sends JSON <c>{"to","text","id"}</c>. Credentials go as HTTP Basic.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Sms";

    public string? UrlTemplate { get; set; }
    public string Method { get; set; } = "POST";
    public string? User { get; set; }
    public string? Password { get; set; }
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => UrlTemplate is { Length: > 0 };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Configured && !Uri.TryCreate(UrlTemplate!.Replace("{", "").Replace("}", ""), UriKind.Absolute, out _))
            yield return new ValidationResult("ContactCenter:Sms:UrlTemplate must be an absolute URL.", [nameof(UrlTemplate)]);
        if (Method is not ("GET" or "POST"))
            yield return new ValidationResult("ContactCenter:Sms:Method must be GET or POST.", [nameof(Method)]);
    }
}

/// <summary><c>ContactCenter:Telegram</c>: the bot. <see cref="BaseUrl"/> points at another Bot API server (tests, a local one).</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "ContactCenter:Telegram";

    public string? BotToken { get; set; }
    public string? BaseUrl { get; set; }

    public bool Configured => BotToken is { Length: > 0 };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (BaseUrl is { Length: > 0 } && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("ContactCenter:Telegram:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
    }
}
