using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Control;

/// <summary>Configuration section <c>ContactCenter:Control</c>.</summary>
public sealed class ControlOptions
{
    public const string Section = "ContactCenter:Control";

    /// <summary>How many working days before the deadline the executor is reminded (F4.4).</summary>
    [Range(1, 10)]
    public int ReminderWorkingDaysBefore { get; set; } = 1;

    // Quality verification (F6) and the law's notices (R6, R8), the digest and the intake hold (F5.4).

    /// <summary>Reworks after which a further «not confirmed» goes to the supervisor instead of the executor (F6.2).</summary>
    [Range(0, 20)]
    public int ReworkLimit { get; set; } = 2;
    /// <summary>Unanswered confirmation calls after which the result is closed as not verified (F6.3).</summary>
    [Range(1, 20)]
    public int UnansweredAttemptsToClose { get; set; } = 3;
    /// <summary>Days without an answer after which the result is closed as not verified (F6.3).</summary>
    [Range(1, 90)]
    public int VerificationDays { get; set; } = 10;
    /// <summary>Public address of the portal for survey links in e-mail and SMS, e.g. https://zvernennia.example.gov.ua.</summary>
    public string? PortalBaseUrl { get; set; }
    /// <summary>R6: days within which the applicant must be told that the appeal was forwarded to another body.</summary>
    [Range(1, 30)]
    public int ForwardNoticeDays { get; set; } = 5;
    /// <summary>Local time (Kyiv) on working days when the monitoring digest is e-mailed, HH:mm.</summary>
    [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$")]
    public string DigestTime { get; set; } = "08:00";
    /// <summary>Who gets the digest by e-mail; empty = every supervisor account with an e-mail.</summary>
    public List<string> DigestRecipients { get; set; } = [];
    /// <summary>Hate-speech terms that hold an incoming text for an operator (F5.4), on top of those edited in the console.</summary>
    public List<string> HoldTerms { get; set; } = [];
}
