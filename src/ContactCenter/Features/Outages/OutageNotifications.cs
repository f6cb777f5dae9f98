namespace ContactCenter.Features.Outages;

/// <summary>An outage was closed and its linked questions were moved on to the result step.</summary>
public sealed record OutageClosedNotice(long OutageId, OutageType Type, string ClosingText, IReadOnlyList<string> RegistrationNumbers);

/// <summary>
/// A hook called once when an outage is closed, with the appeals it moved on. The applicants themselves are already told
/// by the durable outbox: each moved question's <c>resultReported</c> history entry writes its result notification in the
/// same transaction. The default registration (<see cref="NoOutageNotifications"/>) adds nothing; an installation may
/// register another implementation (which must enqueue, not send) for extra notices, e.g. to the executor's head.
/// </summary>
public interface IOutageNotifications
{
    Task OutageClosedAsync(OutageClosedNotice notice, CancellationToken ct);
}

public sealed class NoOutageNotifications : IOutageNotifications
{
    public Task OutageClosedAsync(OutageClosedNotice notice, CancellationToken ct) => Task.CompletedTask;
}
