namespace ContactCenter.Features.Quality;

/// <summary>How the applicant is asked whether the result is done (F6.1).</summary>
public enum VerificationChannel { Link, Telegram, Call }

public enum VerificationTaskStatus { Open, Answered, AwaitingSupervisor, Unverified, Cancelled }

/// <summary>
/// One round of quality verification of a question's reported result (F6): a survey link sent by e-mail or SMS, the
/// bot's buttons, or a confirmation call for operators. One per question and rework round; the answer itself goes
/// through <see cref="Appeals.AppealWorkflow.VerifyAsync"/>, the single entry point.
/// </summary>
public sealed class VerificationTask
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public long QuestionId { get; set; }
    public int QuestionNumber { get; set; }
    public required string RegistrationNumber { get; set; }
    /// <summary>The question's rework count when the result was reported: a new result after rework is a new round.</summary>
    public int Round { get; set; }
    public VerificationChannel Channel { get; set; }
    /// <summary>Unguessable token of the survey link (<c>/survey/{token}</c>).</summary>
    public required string Token { get; set; }
    public bool Privileged { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public VerificationTaskStatus Status { get; set; }
    public int UnansweredAttempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastNote { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The survey message in the outbox (Link); when it cannot be delivered the task becomes a call.</summary>
    public long? NotificationId { get; set; }
}
