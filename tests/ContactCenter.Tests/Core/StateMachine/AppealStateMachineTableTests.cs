using ContactCenter.Core.Appeals;

namespace ContactCenter.Tests.Core.StateMachine;

/// <summary>Exhaustive checks over the table: every allowed move works, every other combination is refused.</summary>
public class AppealStateMachineTableTests
{
    public static TheoryData<AppealStatus, AppealTrigger, ActorRole, AppealStatus, ResultCode?> AllowedCombinations()
    {
        var data = new TheoryData<AppealStatus, AppealTrigger, ActorRole, AppealStatus, ResultCode?>();
        foreach (var t in AppealStateMachine.Transitions)
        {
            foreach (var role in t.Roles)
            {
                data.Add(t.From, t.Trigger, role, t.To, t.SetsResult);
            }
        }

        return data;
    }

    public static TheoryData<AppealStatus, AppealTrigger, ActorRole, InvalidTransitionReason> ForbiddenCombinations()
    {
        var data = new TheoryData<AppealStatus, AppealTrigger, ActorRole, InvalidTransitionReason>();
        foreach (var from in Enum.GetValues<AppealStatus>())
        {
            foreach (var trigger in Enum.GetValues<AppealTrigger>())
            {
                var row = AppealStateMachine.Transitions.SingleOrDefault(t => t.From == from && t.Trigger == trigger);
                foreach (var role in Enum.GetValues<ActorRole>())
                {
                    if (row is null)
                    {
                        data.Add(from, trigger, role, InvalidTransitionReason.NotAllowedFromStatus);
                    }
                    else if (!row.Roles.Contains(role))
                    {
                        data.Add(from, trigger, role, InvalidTransitionReason.RoleForbidden);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedCombinations))]
    public void Fire_AllowedCombination_LandsInTargetWithResult(
        AppealStatus from, AppealTrigger trigger, ActorRole role, AppealStatus to, ResultCode? result)
    {
        Assert.True(AppealStateMachine.CanFire(from, trigger, role));
        Assert.Contains(trigger, AppealStateMachine.AllowedTriggers(from, role));

        var outcome = AppealStateMachine.Fire(from, trigger, role);

        Assert.Equal(new TransitionOutcome(from, to, result), outcome);
    }

    [Theory]
    [MemberData(nameof(ForbiddenCombinations))]
    public void Fire_ForbiddenCombination_ThrowsWithReason(
        AppealStatus from, AppealTrigger trigger, ActorRole role, InvalidTransitionReason reason)
    {
        Assert.False(AppealStateMachine.CanFire(from, trigger, role));
        Assert.DoesNotContain(trigger, AppealStateMachine.AllowedTriggers(from, role));

        var ex = Assert.Throws<InvalidTransitionException>(() => AppealStateMachine.Fire(from, trigger, role));

        Assert.Equal(from, ex.From);
        Assert.Equal(trigger, ex.Trigger);
        Assert.Equal(role, ex.Role);
        Assert.Equal(reason, ex.Reason);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Transitions_AllCombinations_AreCoveredExactlyOnceByAllowedOrForbidden()
    {
        var total = Enum.GetValues<AppealStatus>().Length * Enum.GetValues<AppealTrigger>().Length * Enum.GetValues<ActorRole>().Length;

        Assert.Equal(total, AllowedCombinations().Count + ForbiddenCombinations().Count);
    }

    [Fact]
    public void Transitions_FromAndTrigger_AreUnique()
    {
        var keys = AppealStateMachine.Transitions.Select(t => (t.From, t.Trigger)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Transitions_EveryRow_StartsFromOpenStatusAndHasRoles()
    {
        Assert.All(AppealStateMachine.Transitions, t =>
        {
            Assert.True(AppealStateMachine.IsOpen(t.From), $"{t.From} is terminal");
            Assert.NotEmpty(t.Roles);
        });
    }

    [Fact]
    public void Transitions_EveryTrigger_AppearsInTable()
    {
        var used = AppealStateMachine.Transitions.Select(t => t.Trigger).ToHashSet();

        Assert.All(Enum.GetValues<AppealTrigger>(), trigger => Assert.Contains(trigger, used));
    }

    [Fact]
    public void Transitions_EveryOpenStatus_IsReachableFromRegistered()
    {
        var reached = new HashSet<AppealStatus> { AppealStatus.Registered };
        var queue = new Queue<AppealStatus>(reached);
        while (queue.TryDequeue(out var s))
        {
            foreach (var t in AppealStateMachine.Transitions.Where(t => t.From == s))
            {
                if (reached.Add(t.To))
                {
                    queue.Enqueue(t.To);
                }
            }
        }

        Assert.Equal(Enum.GetValues<AppealStatus>().ToHashSet(), reached);
    }

    [Theory]
    [InlineData(AppealTrigger.Answer, ResultCode.Explained)]
    [InlineData(AppealTrigger.Forward, ResultCode.Forwarded)]
    [InlineData(AppealTrigger.Reject, ResultCode.Refused)]
    [InlineData(AppealTrigger.Terminate, ResultCode.Terminated)]
    [InlineData(AppealTrigger.ReturnToApplicant, ResultCode.Returned)]
    public void Transitions_ResultSettingTrigger_AlwaysSetsItsCode(AppealTrigger trigger, ResultCode code)
    {
        var rows = AppealStateMachine.Transitions.Where(t => t.Trigger == trigger).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, t => Assert.Equal(code, t.SetsResult));
    }

    [Theory]
    [InlineData(AppealTrigger.Assign)]
    [InlineData(AppealTrigger.Reassign)]
    [InlineData(AppealTrigger.Accept)]
    [InlineData(AppealTrigger.ReportResult)]
    [InlineData(AppealTrigger.ConfirmResult)]
    [InlineData(AppealTrigger.RejectResult)]
    [InlineData(AppealTrigger.CloseUnverified)]
    [InlineData(AppealTrigger.Defer)]
    [InlineData(AppealTrigger.Resume)]
    public void Transitions_OtherTrigger_SetsNoResult(AppealTrigger trigger)
    {
        Assert.All(AppealStateMachine.Transitions.Where(t => t.Trigger == trigger), t => Assert.Null(t.SetsResult));
    }

    [Fact]
    public void Transitions_Administrator_HasEverySupervisorRight()
    {
        Assert.All(
            AppealStateMachine.Transitions.Where(t => t.Roles.Contains(ActorRole.Supervisor)),
            t => Assert.Contains(ActorRole.Administrator, t.Roles));
    }

    [Fact]
    public void Transitions_Supervisor_CanDoEverythingAnOperatorCan()
    {
        Assert.All(
            AppealStateMachine.Transitions.Where(t => t.Roles.Contains(ActorRole.Operator)),
            t => Assert.Contains(ActorRole.Supervisor, t.Roles));
    }
}
