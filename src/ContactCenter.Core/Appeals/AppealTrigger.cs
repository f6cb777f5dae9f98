namespace ContactCenter.Core.Appeals;

/// <summary>An action that moves an appeal question through its lifecycle (SPEC §4). See <see cref="AppealStateMachine"/>.</summary>
public enum AppealTrigger
{
    /// <summary>An operator routes the question to an executor (F3.2).</summary>
    Assign,
    /// <summary>The supervisor approves an executor's request to change executor (F3.3–F3.4).</summary>
    Reassign,
    /// <summary>The executor accepts the question into work and confirms competence.</summary>
    Accept,
    /// <summary>The executor reports the result with its own result code (F3.3).</summary>
    ReportResult,
    /// <summary>Verification succeeded: the applicant confirmed the result (F6.2).</summary>
    ConfirmResult,
    /// <summary>Verification failed: back to the executor for rework («на доопрацювання», F6.2).</summary>
    RejectResult,
    /// <summary>No answer from the applicant within the configured time: closed as not verified (F6.3).</summary>
    CloseUnverified,
    /// <summary>The operator explained the matter to the applicant directly: closed with result explained.</summary>
    Answer,
    /// <summary>Out of the community's competence: forwarded to the competent body (R6).</summary>
    Forward,
    /// <summary>Refused with a legal basis (R5).</summary>
    Reject,
    /// <summary>The supervisor approves an executor's request to include the work into a strategic / budget plan.</summary>
    Defer,
    /// <summary>The executor resumes deferred work.</summary>
    Resume,
    /// <summary>The head's decision to stop consideration: same question already resolved on the merits (R9).</summary>
    Terminate,
    /// <summary>Returned to the applicant because required data is missing (R2).</summary>
    ReturnToApplicant,
}
