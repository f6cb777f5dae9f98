using System.Collections.Frozen;

namespace ContactCenter.Core.Appeals;

/// <summary>One allowed move of the lifecycle: from a status, by a trigger, to a status, for a set of roles.</summary>
/// <param name="From">Status the question is in.</param>
/// <param name="Trigger">The action.</param>
/// <param name="To">Status the question lands in.</param>
/// <param name="Roles">Roles allowed to fire it.</param>
/// <param name="SetsResult">Result code the transition itself records, or <c>null</c> when it records none or the caller supplies it.</param>
public sealed record Transition(
    AppealStatus From,
    AppealTrigger Trigger,
    AppealStatus To,
    IReadOnlySet<ActorRole> Roles,
    ResultCode? SetsResult = null);

/// <summary>What firing a trigger did.</summary>
/// <param name="From">Status before.</param>
/// <param name="To">Status after.</param>
/// <param name="Result">Result code set by the transition, if any (see <see cref="Transition.SetsResult"/>).</param>
public sealed record TransitionOutcome(AppealStatus From, AppealStatus To, ResultCode? Result);

/// <summary>Why a trigger may not be fired.</summary>
public enum InvalidTransitionReason
{
    /// <summary>No role may fire this trigger from this status.</summary>
    NotAllowedFromStatus,
    /// <summary>The trigger is possible from this status, but not for this role.</summary>
    RoleForbidden,
}

/// <summary>Thrown by <see cref="AppealStateMachine.Fire"/> when the move is not allowed.</summary>
public sealed class InvalidTransitionException : Exception
{
    /// <summary>Creates the exception with a message built from its parts.</summary>
    public InvalidTransitionException(AppealStatus from, AppealTrigger trigger, ActorRole role, InvalidTransitionReason reason)
        : base(BuildMessage(from, trigger, role, reason))
    {
        From = from;
        Trigger = trigger;
        Role = role;
        Reason = reason;
    }

    /// <summary>Status the question was in.</summary>
    public AppealStatus From { get; }

    /// <summary>The trigger that was refused.</summary>
    public AppealTrigger Trigger { get; }

    /// <summary>The role that tried it.</summary>
    public ActorRole Role { get; }

    /// <summary>Why it was refused.</summary>
    public InvalidTransitionReason Reason { get; }

    private static string BuildMessage(AppealStatus from, AppealTrigger trigger, ActorRole role, InvalidTransitionReason reason) =>
        reason switch
        {
            InvalidTransitionReason.RoleForbidden => $"Role {role} may not {trigger} an appeal in status {from}.",
            _ => $"{trigger} is not allowed from status {from}.",
        };
}

/// <summary>
/// The appeal (question) lifecycle of SPEC §4 as one table. Pure: no storage, no clock, no HTTP.
/// Overdue is a flag computed from the deadline, not a state, so it does not appear here.
/// Executor requests (reassign, extend, defer, additional control) are not transitions themselves:
/// the supervisor's approval is what fires <see cref="AppealTrigger.Reassign"/> or <see cref="AppealTrigger.Defer"/>;
/// extension and additional control change the deadline or a flag and leave the status alone.
/// </summary>
public static class AppealStateMachine
{
    // Supervisor and Administrator are deliberately listed everywhere an operator is: the head of the
    // contact centre can do what operators do, and the administrator holds the supervisor's rights.
    // Leadership is read-only and appears in no set.
    private static readonly FrozenSet<ActorRole> Operators =
        Set(ActorRole.Operator, ActorRole.Supervisor, ActorRole.Administrator);

    // Routing: operators by hand, or the system by the routing rules.
    private static readonly FrozenSet<ActorRole> Routers =
        Set(ActorRole.Operator, ActorRole.Supervisor, ActorRole.Administrator, ActorRole.System);

    // Decisions of the head: approvals of executor requests, refusals, termination (R9), unverified close.
    private static readonly FrozenSet<ActorRole> Supervisors =
        Set(ActorRole.Supervisor, ActorRole.Administrator);

    // The executor organisation's responsible person and its staff do the work itself.
    private static readonly FrozenSet<ActorRole> Executors =
        Set(ActorRole.Executor, ActorRole.ExecutorStaff);

    // Verification (F6.1): the applicant answers via bot/portal/e-mail (Applicant or System for the
    // integration that relays it) or an operator records it on a confirmation call. The executor is
    // absent on purpose: it cannot close its own work (F3.3).
    private static readonly FrozenSet<ActorRole> Verifiers =
        Set(ActorRole.Applicant, ActorRole.Operator, ActorRole.Supervisor, ActorRole.Administrator, ActorRole.System, ActorRole.Integration);

    // No answer within the configured time (F6.3): a background job, or the head by hand.
    private static readonly FrozenSet<ActorRole> UnverifiedClosers =
        Set(ActorRole.System, ActorRole.Supervisor, ActorRole.Administrator);

    private static readonly Transition[] Table =
    [
        // Registered: the operator routes it, or finishes it at the front desk.
        // System: automatic routing at registration assigns the suggested executor.
        new(AppealStatus.Registered, AppealTrigger.Assign, AppealStatus.Assigned, Routers),
        new(AppealStatus.Registered, AppealTrigger.Answer, AppealStatus.Closed, Operators, ResultCode.Explained),
        new(AppealStatus.Registered, AppealTrigger.Forward, AppealStatus.Forwarded, Operators, ResultCode.Forwarded),
        new(AppealStatus.Registered, AppealTrigger.ReturnToApplicant, AppealStatus.Closed, Operators, ResultCode.Returned),
        new(AppealStatus.Registered, AppealTrigger.Reject, AppealStatus.Rejected, Supervisors, ResultCode.Refused),
        new(AppealStatus.Registered, AppealTrigger.Terminate, AppealStatus.Closed, Supervisors, ResultCode.Terminated),

        // Assigned: not yet accepted. The executor may dispute competence or find data missing, so the
        // operator-side exits (answer, forward, return) stay open until the executor accepts.
        new(AppealStatus.Assigned, AppealTrigger.Accept, AppealStatus.InProgress, Executors),
        new(AppealStatus.Assigned, AppealTrigger.Reassign, AppealStatus.Assigned, Supervisors),
        new(AppealStatus.Assigned, AppealTrigger.Answer, AppealStatus.Closed, Operators, ResultCode.Explained),
        new(AppealStatus.Assigned, AppealTrigger.Forward, AppealStatus.Forwarded, Operators, ResultCode.Forwarded),
        new(AppealStatus.Assigned, AppealTrigger.ReturnToApplicant, AppealStatus.Closed, Operators, ResultCode.Returned),
        new(AppealStatus.Assigned, AppealTrigger.Reject, AppealStatus.Rejected, Supervisors, ResultCode.Refused),
        new(AppealStatus.Assigned, AppealTrigger.Terminate, AppealStatus.Closed, Supervisors, ResultCode.Terminated),

        // InProgress: competence confirmed, the executor owns the work; it ends by a reported result or a
        // decision of the head. The executor's own code (resolved/refused/explained) travels with
        // ReportResult, so the table sets none there.
        new(AppealStatus.InProgress, AppealTrigger.ReportResult, AppealStatus.ResultReported, Executors),
        new(AppealStatus.InProgress, AppealTrigger.Defer, AppealStatus.Deferred, Supervisors),
        new(AppealStatus.InProgress, AppealTrigger.Reassign, AppealStatus.Assigned, Supervisors),
        new(AppealStatus.InProgress, AppealTrigger.Reject, AppealStatus.Rejected, Supervisors, ResultCode.Refused),
        new(AppealStatus.InProgress, AppealTrigger.Terminate, AppealStatus.Closed, Supervisors, ResultCode.Terminated),

        // Deferred: long-term work in a plan, still open and under control. The executor resumes it or
        // reports the result straight away when the planned work is done.
        new(AppealStatus.Deferred, AppealTrigger.Resume, AppealStatus.InProgress, Executors),
        new(AppealStatus.Deferred, AppealTrigger.ReportResult, AppealStatus.ResultReported, Executors),
        new(AppealStatus.Deferred, AppealTrigger.Reassign, AppealStatus.Assigned, Supervisors),
        new(AppealStatus.Deferred, AppealTrigger.Reject, AppealStatus.Rejected, Supervisors, ResultCode.Refused),
        new(AppealStatus.Deferred, AppealTrigger.Terminate, AppealStatus.Closed, Supervisors, ResultCode.Terminated),

        // ResultReported: verification (F6). Confirm keeps the executor's code; a failed verification goes
        // back to the same executor for rework; silence closes it as not verified.
        new(AppealStatus.ResultReported, AppealTrigger.ConfirmResult, AppealStatus.Closed, Verifiers),
        new(AppealStatus.ResultReported, AppealTrigger.RejectResult, AppealStatus.InProgress, Verifiers),
        new(AppealStatus.ResultReported, AppealTrigger.CloseUnverified, AppealStatus.Closed, UnverifiedClosers),

        // Closed, Rejected, Forwarded: terminal, nothing leaves them. A new complaint about the outcome is
        // a new (repeated) appeal (R9), not a transition of this one.
    ];

    private static readonly FrozenDictionary<(AppealStatus, AppealTrigger), Transition> ByKey =
        Table.ToFrozenDictionary(t => (t.From, t.Trigger));

    private static readonly FrozenSet<AppealStatus> Terminal =
        [AppealStatus.Closed, AppealStatus.Rejected, AppealStatus.Forwarded];

    /// <summary>The whole table, the one source of truth. (From, Trigger) pairs are unique.</summary>
    public static IReadOnlyList<Transition> Transitions { get; } = Array.AsReadOnly(Table);

    /// <summary>Statuses that are still under control (everything but Closed, Rejected, Forwarded; Deferred is open).</summary>
    public static IReadOnlyCollection<AppealStatus> OpenStatuses { get; } =
        Enum.GetValues<AppealStatus>().Where(s => !Terminal.Contains(s)).ToFrozenSet();

    /// <summary>Whether a question in this status is still open (under control).</summary>
    public static bool IsOpen(AppealStatus status) => !Terminal.Contains(status);

    /// <summary>Whether <paramref name="role"/> may fire <paramref name="trigger"/> from <paramref name="from"/>.</summary>
    public static bool CanFire(AppealStatus from, AppealTrigger trigger, ActorRole role) =>
        ByKey.TryGetValue((from, trigger), out var t) && t.Roles.Contains(role);

    /// <summary>The triggers <paramref name="role"/> may fire now, in table order (for UIs: show only these actions).</summary>
    public static IReadOnlyList<AppealTrigger> AllowedTriggers(AppealStatus from, ActorRole role) =>
        Table.Where(t => t.From == from && t.Roles.Contains(role)).Select(t => t.Trigger).ToArray();

    /// <summary>Fires the trigger and returns where it lands.</summary>
    /// <exception cref="InvalidTransitionException">The trigger is not possible from this status, or not for this role.</exception>
    public static TransitionOutcome Fire(AppealStatus from, AppealTrigger trigger, ActorRole role)
    {
        if (!ByKey.TryGetValue((from, trigger), out var t))
        {
            throw new InvalidTransitionException(from, trigger, role, InvalidTransitionReason.NotAllowedFromStatus);
        }

        if (!t.Roles.Contains(role))
        {
            throw new InvalidTransitionException(from, trigger, role, InvalidTransitionReason.RoleForbidden);
        }

        return new TransitionOutcome(from, t.To, t.SetsResult);
    }

    private static FrozenSet<ActorRole> Set(params ActorRole[] roles) => roles.ToFrozenSet();
}
