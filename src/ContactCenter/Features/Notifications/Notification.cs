using ContactCenter.Features.Appeals;

namespace ContactCenter.Features.Notifications;

/// <summary>What the applicant is told (F2.8); each kind has one editable template.</summary>
public enum NotificationKind
{
    Registered, Forwarded, Extended, Result,
    /// <summary>A message to outage subscribers (Features/Informing); subject and body are rendered when queued.</summary>
    Broadcast,
    /// <summary>The double opt-in link of an e-mail subscription (Features/Informing); rendered when queued.</summary>
    SubscriptionConfirmation,
    /// <summary>Survey: the quality-verification link (F6.1), written by <c>Quality.VerificationService</c>, details = the link.</summary>
    Survey,
    /// <summary>R2: the appeal goes back to the applicant because required data is missing; details = the explanation.</summary>
    Returned,
}

/// <summary>The applicant's own channel a message goes by.</summary>
public enum NotificationChannel { Sms, Email, Telegram }

public enum NotificationStatus { Pending, Sent, Failed, NoContact }

/// <summary>
/// One message to an applicant in the durable outbox. Written in the same transaction as the change that causes it
/// (<see cref="NotificationOutboxInterceptor"/>), claimed by a lease and sent by <see cref="NotificationDispatcher"/>.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    /// <summary>Idempotency key passed to the gateway where it supports one (SMS id, e-mail Message-ID).</summary>
    public Guid Key { get; set; }
    /// <summary>The appeal the message is about; null for outage news (<see cref="BroadcastId"/>) and subscription confirmations.</summary>
    public long? AppealId { get; set; }
    public Appeal? Appeal { get; set; }
    /// <summary>The broadcast this message belongs to (Features/Informing); unique with channel and recipient.</summary>
    public long? BroadcastId { get; set; }
    /// <summary>The subscription that reached the recipient (its unsubscribe link is in the body).</summary>
    public long? SubscriptionId { get; set; }
    public required string RegistrationNumber { get; set; }
    public int? QuestionNumber { get; set; }
    public NotificationKind Kind { get; set; }
    public NotificationChannel? Channel { get; set; }
    public string? Recipient { get; set; }
    /// <summary>Kind-specific text: the new executor or body, the extension's reason, the result.</summary>
    public string? Details { get; set; }
    /// <summary>The new deadline of an extension (R8).</summary>
    public DateTimeOffset? DueAt { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set and in the future, one dispatcher owns the row; an expired lease is free again (a crashed sender).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Subject { get; set; }
    /// <summary>The text as rendered for the last attempt.</summary>
    public string? Body { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message template in Ukrainian, edited by the administrator. Placeholders: {number}, {details}, {dueAt}.</summary>
public sealed class NotificationTemplate
{
    public NotificationKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
}
