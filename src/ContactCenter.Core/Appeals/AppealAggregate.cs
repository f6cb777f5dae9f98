namespace ContactCenter.Core.Appeals;

/// <summary>
/// Derives an appeal's own status and deadline from its questions (R14, API.md "Appeal resource").
/// A one-question appeal simply shows that question's status and deadline.
/// </summary>
public static class AppealAggregate
{
    /// <summary>
    /// The appeal's status. One question: its status. Several: while any is open, the least advanced open
    /// one (Registered &lt; Assigned &lt; InProgress &lt; Deferred &lt; ResultReported), because the appeal
    /// is only as far as its slowest question. When all are terminal: Forwarded if all were forwarded,
    /// Rejected if all were rejected, otherwise Closed (the appeal was considered and answered).
    /// </summary>
    /// <exception cref="ArgumentException">No questions.</exception>
    public static AppealStatus DeriveStatus(IReadOnlyList<AppealStatus> questionStatuses)
    {
        ArgumentNullException.ThrowIfNull(questionStatuses);
        if (questionStatuses.Count == 0)
        {
            throw new ArgumentException("An appeal has at least one question.", nameof(questionStatuses));
        }

        if (questionStatuses.Count == 1)
        {
            return questionStatuses[0];
        }

        var open = questionStatuses.Where(AppealStateMachine.IsOpen).ToList();
        if (open.Count > 0)
        {
            return open.MinBy(Advancement);
        }

        if (questionStatuses.All(s => s == AppealStatus.Forwarded))
        {
            return AppealStatus.Forwarded;
        }

        if (questionStatuses.All(s => s == AppealStatus.Rejected))
        {
            return AppealStatus.Rejected;
        }

        return AppealStatus.Closed;
    }

    /// <summary>
    /// The appeal's deadline: the latest due among open questions (the appeal stays under control until
    /// the last of them); when every question is terminal, the latest due of all. Questions without a
    /// due date are ignored; <c>null</c> when no question that counts has one.
    /// </summary>
    public static DateTimeOffset? DeriveDue(IReadOnlyList<(AppealStatus Status, DateTimeOffset? Due)> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var anyOpen = questions.Any(q => AppealStateMachine.IsOpen(q.Status));
        return questions
            .Where(q => !anyOpen || AppealStateMachine.IsOpen(q.Status))
            .Select(q => q.Due)
            .Max();
    }

    /// <summary>Whether the appeal is resolved: every question is terminal (R14). An appeal with no questions is not.</summary>
    public static bool IsResolved(IReadOnlyList<AppealStatus> questionStatuses)
    {
        ArgumentNullException.ThrowIfNull(questionStatuses);
        return questionStatuses.Count > 0 && !questionStatuses.Any(AppealStateMachine.IsOpen);
    }

    // Deferred sits after InProgress: the work was accepted and planned, it is further along than work
    // not yet accepted, but less than a result awaiting verification.
    private static int Advancement(AppealStatus status) => status switch
    {
        AppealStatus.Registered => 0,
        AppealStatus.Assigned => 1,
        AppealStatus.InProgress => 2,
        AppealStatus.Deferred => 3,
        AppealStatus.ResultReported => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an open status."),
    };
}
