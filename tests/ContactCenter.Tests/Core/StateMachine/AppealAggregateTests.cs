using ContactCenter.Core.Appeals;

namespace ContactCenter.Tests.Core.StateMachine;

public class AppealAggregateTests
{
    private static readonly DateTimeOffset Day1 = new(2025, 3, 3, 17, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    private static readonly DateTimeOffset Day3 = Day1.AddDays(2);

    [Theory]
    [InlineData(AppealStatus.Registered)]
    [InlineData(AppealStatus.Deferred)]
    [InlineData(AppealStatus.Closed)]
    [InlineData(AppealStatus.Forwarded)]
    public void DeriveStatus_SingleQuestion_IsThatQuestionsStatus(AppealStatus status)
    {
        Assert.Equal(status, AppealAggregate.DeriveStatus([status]));
    }

    [Theory]
    [InlineData(AppealStatus.Assigned, AppealStatus.InProgress, AppealStatus.Assigned)]
    [InlineData(AppealStatus.ResultReported, AppealStatus.Deferred, AppealStatus.Deferred)]
    [InlineData(AppealStatus.Deferred, AppealStatus.InProgress, AppealStatus.InProgress)]
    [InlineData(AppealStatus.ResultReported, AppealStatus.Registered, AppealStatus.Registered)]
    [InlineData(AppealStatus.Closed, AppealStatus.ResultReported, AppealStatus.ResultReported)]
    [InlineData(AppealStatus.Forwarded, AppealStatus.Deferred, AppealStatus.Deferred)]
    public void DeriveStatus_MixedWithOpen_IsLeastAdvancedOpen(AppealStatus a, AppealStatus b, AppealStatus expected)
    {
        Assert.Equal(expected, AppealAggregate.DeriveStatus([a, b]));
        Assert.Equal(expected, AppealAggregate.DeriveStatus([b, a]));
    }

    [Fact]
    public void DeriveStatus_AllClosed_IsClosed()
    {
        Assert.Equal(AppealStatus.Closed, AppealAggregate.DeriveStatus([AppealStatus.Closed, AppealStatus.Closed]));
    }

    [Fact]
    public void DeriveStatus_AllForwarded_IsForwarded()
    {
        Assert.Equal(AppealStatus.Forwarded, AppealAggregate.DeriveStatus([AppealStatus.Forwarded, AppealStatus.Forwarded]));
    }

    [Fact]
    public void DeriveStatus_AllRejected_IsRejected()
    {
        Assert.Equal(AppealStatus.Rejected, AppealAggregate.DeriveStatus([AppealStatus.Rejected, AppealStatus.Rejected]));
    }

    [Theory]
    [InlineData(AppealStatus.Forwarded, AppealStatus.Rejected)]
    [InlineData(AppealStatus.Forwarded, AppealStatus.Closed)]
    [InlineData(AppealStatus.Rejected, AppealStatus.Closed)]
    public void DeriveStatus_MixedTerminal_IsClosed(AppealStatus a, AppealStatus b)
    {
        Assert.Equal(AppealStatus.Closed, AppealAggregate.DeriveStatus([a, b]));
    }

    [Fact]
    public void DeriveStatus_NoQuestions_Throws()
    {
        Assert.Throws<ArgumentException>(() => AppealAggregate.DeriveStatus([]));
    }

    [Fact]
    public void IsResolved_AllTerminal_True()
    {
        Assert.True(AppealAggregate.IsResolved([AppealStatus.Closed, AppealStatus.Forwarded, AppealStatus.Rejected]));
    }

    [Theory]
    [InlineData(AppealStatus.Deferred)]
    [InlineData(AppealStatus.ResultReported)]
    public void IsResolved_AnyOpen_False(AppealStatus open)
    {
        Assert.False(AppealAggregate.IsResolved([AppealStatus.Closed, open]));
    }

    [Fact]
    public void IsResolved_NoQuestions_False()
    {
        Assert.False(AppealAggregate.IsResolved([]));
    }

    [Fact]
    public void DeriveDue_SingleQuestion_IsItsDue()
    {
        Assert.Equal(Day2, AppealAggregate.DeriveDue([(AppealStatus.InProgress, Day2)]));
    }

    [Fact]
    public void DeriveDue_SomeOpen_IsLatestAmongOpenOnly()
    {
        var due = AppealAggregate.DeriveDue(
        [
            (AppealStatus.Closed, Day3),
            (AppealStatus.InProgress, Day1),
            (AppealStatus.Deferred, Day2),
        ]);

        Assert.Equal(Day2, due);
    }

    [Fact]
    public void DeriveDue_AllTerminal_IsLatestOfAll()
    {
        var due = AppealAggregate.DeriveDue(
        [
            (AppealStatus.Closed, Day1),
            (AppealStatus.Forwarded, Day3),
            (AppealStatus.Rejected, Day2),
        ]);

        Assert.Equal(Day3, due);
    }

    [Fact]
    public void DeriveDue_MissingDues_AreIgnored()
    {
        Assert.Equal(Day1, AppealAggregate.DeriveDue([(AppealStatus.Assigned, null), (AppealStatus.InProgress, Day1)]));
    }

    [Fact]
    public void DeriveDue_NoDueAnywhere_IsNull()
    {
        Assert.Null(AppealAggregate.DeriveDue([(AppealStatus.Registered, null)]));
        Assert.Null(AppealAggregate.DeriveDue([]));
    }
}
