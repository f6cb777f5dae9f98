namespace ContactCenter.Features.Telephony;

public enum CallDirection { In, Out }

public enum CallbackState { None, Open, Claimed, Done }

/// <summary>
/// One telephone call as the PBX reported it through the CTI webhook. Events are merged, not replayed in order:
/// each fills what it knows (earliest start and answer, the hang-up, the recording), so duplicates change nothing
/// and a late event lands where it belongs.
/// </summary>
public sealed class Call
{
    public long Id { get; set; }
    /// <summary>The PBX's id of the call; events are correlated by it.</summary>
    public required string CallId { get; set; }
    public CallDirection? Direction { get; set; }
    /// <summary>As the PBX sent it, normalised to E.164 when it is a valid number.</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>The other party (the caller of an inbound call, the called number of an outbound one), E.164.</summary>
    public string? Phone { get; set; }
    public string? OperatorUser { get; set; }
    public string? Queue { get; set; }
    public string? Ivr { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? HangupCause { get; set; }
    public string? RecordingUrl { get; set; }
    public int? RecordingSeconds { get; set; }
    /// <summary>Rejected by us because the number is blocked.</summary>
    public bool Rejected { get; set; }
    /// <summary>Inbound, ended before anyone answered, not forwarded elsewhere: the call-back queue.</summary>
    public bool Missed { get; set; }
    public CallbackState Callback { get; set; }
    public string? CallbackUserId { get; set; }
    public string? CallbackUserName { get; set; }
    public DateTimeOffset? CallbackClaimedAt { get; set; }
    public DateTimeOffset? CallbackDoneAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<CallAppeal> Appeals { get; set; } = [];
}

/// <summary>An appeal registered during (or right after) a call; the call's recording belongs to it too.</summary>
public sealed class CallAppeal
{
    public long CallId { get; set; }
    public long AppealId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
