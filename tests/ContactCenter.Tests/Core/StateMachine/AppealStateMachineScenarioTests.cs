using ContactCenter.Core.Appeals;

namespace ContactCenter.Tests.Core.StateMachine;

/// <summary>Readable walks through the lifecycle of SPEC §4.</summary>
public class AppealStateMachineScenarioTests
{
    [Fact]
    public void Fire_MainPath_RegisteredToClosedAfterVerification()
    {
        var s = AppealStatus.Registered;

        s = AppealStateMachine.Fire(s, AppealTrigger.Assign, ActorRole.Operator).To;
        Assert.Equal(AppealStatus.Assigned, s);
        s = AppealStateMachine.Fire(s, AppealTrigger.Accept, ActorRole.Executor).To;
        Assert.Equal(AppealStatus.InProgress, s);
        s = AppealStateMachine.Fire(s, AppealTrigger.ReportResult, ActorRole.ExecutorStaff).To;
        Assert.Equal(AppealStatus.ResultReported, s);
        var closing = AppealStateMachine.Fire(s, AppealTrigger.ConfirmResult, ActorRole.Applicant);

        Assert.Equal(AppealStatus.Closed, closing.To);
        Assert.Null(closing.Result); // the executor's own code stands
    }

    [Fact]
    public void Fire_VerificationFailed_GoesBackToInProgressForRework()
    {
        var outcome = AppealStateMachine.Fire(AppealStatus.ResultReported, AppealTrigger.RejectResult, ActorRole.Operator);

        Assert.Equal(AppealStatus.InProgress, outcome.To);
        Assert.Equal(AppealStatus.ResultReported,
            AppealStateMachine.Fire(outcome.To, AppealTrigger.ReportResult, ActorRole.Executor).To);
    }

    [Fact]
    public void Fire_NoAnswerFromApplicant_SystemClosesUnverified()
    {
        var outcome = AppealStateMachine.Fire(AppealStatus.ResultReported, AppealTrigger.CloseUnverified, ActorRole.System);

        Assert.Equal(AppealStatus.Closed, outcome.To);
    }

    [Fact]
    public void Fire_Deferral_SupervisorDefersExecutorResumes()
    {
        var deferred = AppealStateMachine.Fire(AppealStatus.InProgress, AppealTrigger.Defer, ActorRole.Supervisor).To;
        Assert.Equal(AppealStatus.Deferred, deferred);
        Assert.True(AppealStateMachine.IsOpen(deferred));

        Assert.Equal(AppealStatus.InProgress, AppealStateMachine.Fire(deferred, AppealTrigger.Resume, ActorRole.Executor).To);
        Assert.Equal(AppealStatus.ResultReported, AppealStateMachine.Fire(deferred, AppealTrigger.ReportResult, ActorRole.Executor).To);
    }

    [Fact]
    public void Fire_ExecutorDefersOnItsOwn_ThrowsRoleForbidden()
    {
        var ex = Assert.Throws<InvalidTransitionException>(
            () => AppealStateMachine.Fire(AppealStatus.InProgress, AppealTrigger.Defer, ActorRole.Executor));

        Assert.Equal(InvalidTransitionReason.RoleForbidden, ex.Reason);
    }

    [Fact]
    public void Fire_ExecutorConfirmsOwnResult_ThrowsRoleForbidden()
    {
        var ex = Assert.Throws<InvalidTransitionException>(
            () => AppealStateMachine.Fire(AppealStatus.ResultReported, AppealTrigger.ConfirmResult, ActorRole.Executor));

        Assert.Equal(InvalidTransitionReason.RoleForbidden, ex.Reason);
    }

    [Fact]
    public void Fire_DeferFromAssigned_ThrowsNotAllowedFromStatus()
    {
        var ex = Assert.Throws<InvalidTransitionException>(
            () => AppealStateMachine.Fire(AppealStatus.Assigned, AppealTrigger.Defer, ActorRole.Supervisor));

        Assert.Equal(InvalidTransitionReason.NotAllowedFromStatus, ex.Reason);
    }

    [Theory]
    [InlineData(AppealStatus.Assigned)]
    [InlineData(AppealStatus.InProgress)]
    [InlineData(AppealStatus.Deferred)]
    public void Fire_Reassign_LandsInAssigned(AppealStatus from)
    {
        Assert.Equal(AppealStatus.Assigned, AppealStateMachine.Fire(from, AppealTrigger.Reassign, ActorRole.Supervisor).To);
    }

    [Theory]
    [InlineData(AppealTrigger.Answer, AppealStatus.Closed, ResultCode.Explained)]
    [InlineData(AppealTrigger.Forward, AppealStatus.Forwarded, ResultCode.Forwarded)]
    [InlineData(AppealTrigger.ReturnToApplicant, AppealStatus.Closed, ResultCode.Returned)]
    public void Fire_OperatorSidePath_EndsWithResult(AppealTrigger trigger, AppealStatus to, ResultCode result)
    {
        var outcome = AppealStateMachine.Fire(AppealStatus.Registered, trigger, ActorRole.Operator);

        Assert.Equal(new TransitionOutcome(AppealStatus.Registered, to, result), outcome);
    }

    [Theory]
    [InlineData(AppealTrigger.Reject, AppealStatus.Rejected, ResultCode.Refused)]
    [InlineData(AppealTrigger.Terminate, AppealStatus.Closed, ResultCode.Terminated)]
    public void Fire_HeadsDecision_EndsWithResult(AppealTrigger trigger, AppealStatus to, ResultCode result)
    {
        var outcome = AppealStateMachine.Fire(AppealStatus.InProgress, trigger, ActorRole.Supervisor);

        Assert.Equal(new TransitionOutcome(AppealStatus.InProgress, to, result), outcome);
    }

    [Theory]
    [InlineData(AppealStatus.Closed)]
    [InlineData(AppealStatus.Rejected)]
    [InlineData(AppealStatus.Forwarded)]
    public void AllowedTriggers_TerminalStatus_AcceptsNothing(AppealStatus terminal)
    {
        Assert.False(AppealStateMachine.IsOpen(terminal));
        Assert.All(Enum.GetValues<ActorRole>(), role => Assert.Empty(AppealStateMachine.AllowedTriggers(terminal, role)));
        Assert.All(Enum.GetValues<AppealTrigger>(), trigger =>
        {
            var ex = Assert.Throws<InvalidTransitionException>(() => AppealStateMachine.Fire(terminal, trigger, ActorRole.Administrator));
            Assert.Equal(InvalidTransitionReason.NotAllowedFromStatus, ex.Reason);
        });
    }

    [Fact]
    public void AllowedTriggers_Leadership_IsEmptyEverywhere()
    {
        Assert.All(Enum.GetValues<AppealStatus>(), s => Assert.Empty(AppealStateMachine.AllowedTriggers(s, ActorRole.Leadership)));
        Assert.DoesNotContain(AppealStateMachine.Transitions, t => t.Roles.Contains(ActorRole.Leadership));
    }

    [Fact]
    public void AllowedTriggers_ExecutorOnAssigned_IsOnlyAccept()
    {
        Assert.Equal([AppealTrigger.Accept], AppealStateMachine.AllowedTriggers(AppealStatus.Assigned, ActorRole.Executor));
    }

    [Fact]
    public void AllowedTriggers_ApplicantOnResultReported_IsConfirmOrReject()
    {
        Assert.Equal(
            [AppealTrigger.ConfirmResult, AppealTrigger.RejectResult],
            AppealStateMachine.AllowedTriggers(AppealStatus.ResultReported, ActorRole.Applicant));
    }

    [Fact]
    public void OpenStatuses_AreAllButClosedRejectedForwarded()
    {
        Assert.Equal(
            new HashSet<AppealStatus>
            {
                AppealStatus.Registered, AppealStatus.Assigned, AppealStatus.InProgress,
                AppealStatus.ResultReported, AppealStatus.Deferred,
            },
            AppealStateMachine.OpenStatuses.ToHashSet());
        Assert.All(Enum.GetValues<AppealStatus>(),
            s => Assert.Equal(AppealStateMachine.OpenStatuses.Contains(s), AppealStateMachine.IsOpen(s)));
    }
}
