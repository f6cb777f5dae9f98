namespace ContactCenter.Features.Control;

/// <summary>
/// A message to staff inside the system (F4.4, F5.2): a deadline reminder to the executor, an overdue escalation to
/// the executor's head and the supervisors, a resonant appeal to the head. Addressed to an executor organisation or
/// to a role; the console shows them with unread counters.
/// </summary>
public sealed class StaffNotification
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? RecipientExecutorId { get; set; }
    public string? RecipientRole { get; set; }
    /// <summary>reminder, overdue, resonant …</summary>
    public required string Kind { get; set; }
    public string? RegistrationNumber { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
