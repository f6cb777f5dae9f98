namespace ContactCenter.Features.Outages;

/// <summary>An outage was closed and its linked questions were moved on to the result step.</summary>
public sealed record OutageClosedNotice(long OutageId, OutageType Type, string ClosingText, IReadOnlyList<string> RegistrationNumbers);

/// <summary>
/// The seam to the durable notification outbox (built in another issue): tells the applicants of appeals linked to a
/// closed outage. Until the outbox exists, <see cref="NoOutageNotifications"/> does nothing; the outbox registers its
/// own implementation, which must enqueue (not send) so that closing stays fast and nothing is sent twice.
/// </summary>
public interface IOutageNotifications
{
    Task OutageClosedAsync(OutageClosedNotice notice, CancellationToken ct);
}

public sealed class NoOutageNotifications : IOutageNotifications
{
    public Task OutageClosedAsync(OutageClosedNotice notice, CancellationToken ct) => Task.CompletedTask;
}
