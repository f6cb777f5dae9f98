namespace ContactCenter.Features.Notifications;

/// <summary>One message as it leaves us. <see cref="Key"/> is the idempotency key for gateways that support one.</summary>
/// <summary>A message to send; <paramref name="Kind"/> and the appeal let a channel add its own touches (the bot's survey buttons).</summary>
public sealed record OutgoingMessage(Guid Key, string Recipient, string Subject, string Body,
    NotificationKind? Kind = null, string? RegistrationNumber = null, int? QuestionNumber = null);

/// <summary>Delivers to one channel. Returns when the gateway has accepted the message; throws when it has not.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }
    /// <summary>False when the channel has no configuration: its messages wait, unclaimed, until it has.</summary>
    bool Configured { get; }
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>A permanent refusal (bad address, blocked bot): retrying cannot help, so the message fails at once.</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
