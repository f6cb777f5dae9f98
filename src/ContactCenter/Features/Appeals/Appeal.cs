using ContactCenter.Core.Appeals;

namespace ContactCenter.Features.Appeals;

public enum Channel { Phone, Email, Web, Telegram, PersonalReception, Written, SocialMedia, VideoSurveillance, UnifiedSystem, Other }

public enum AppealKind { Proposal, Application, Complaint }

public enum AppealForm { Oral, Written, Electronic }

public enum Priority { Standard, Urgent }

/// <summary>The electronic card of one appeal («електронна картка звернення»), F1.</summary>
public sealed class Appeal
{
    public long Id { get; set; }
    public required string RegistrationNumber { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Channel Channel { get; set; }
    public AppealKind Kind { get; set; }
    public AppealForm Form { get; set; }
    public Priority Priority { get; set; }
    public required Applicant Applicant { get; set; }
    public bool IsCollective { get; set; }
    public int? SignatoriesCount { get; set; }
    public bool HideIdentity { get; set; }
    /// <summary>The substance of the appeal as the applicant put it (for several questions: the whole text).</summary>
    public required string Description { get; set; }
    /// <summary>Lower-cased substance used by search (and by the PostgreSQL full-text index).</summary>
    public string SearchText { get; set; } = "";
    public string? ExternalId { get; set; }
    /// <summary>Executor whose actions a complaint contests (R7): never routed to it.</summary>
    public int? ContestedExecutorId { get; set; }

    /// <summary>Derived from the questions (R14); stored for indexing.</summary>
    public AppealStatus Status { get; set; }
    /// <summary>Derived from the questions; stored for indexing.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public long? RepeatOfId { get; set; }
    public long? DuplicateOfId { get; set; }
    public bool Resonant { get; set; }
    public bool AdditionalControl { get; set; }
    /// <summary>Raised on every change; a concurrent conflicting update gets 409, never a lost update.</summary>
    public int Version { get; set; }
    public string? RegisteredByUserId { get; set; }
    public string? RegisteredByName { get; set; }
    /// <summary>Unguessable token of the applicant's private tracking link on the portal (null for other channels).</summary>
    public string? TrackingToken { get; set; }

    public List<Question> Questions { get; set; } = [];

    /// <summary>The timeline. Not loaded with the card; used to add the first lines together with a new appeal.</summary>
    public List<AppealHistoryEntry> History { get; set; } = [];
}

/// <summary>The applicant («заявник») as the law asks (Art. 5; F1.2). Kept on the card as given at registration.</summary>
public sealed class Applicant
{
    public required string FullName { get; set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Place of residence: actual or temporary (IDPs).</summary>
    public string? Address { get; set; }
    /// <summary>Registered address («місце реєстрації»).</summary>
    public string? RegisteredAddress { get; set; }
    public string? PrivilegeCategory { get; set; }
    public string? SocialStatus { get; set; }
    /// <summary>When a representative applies for another person: whom they represent.</summary>
    public string? RepresentativeOf { get; set; }
    public string? TelegramId { get; set; }
    /// <summary>The name in lookup form (<see cref="ApplicantKeys.Name"/>), kept by <see cref="ApplicantKeysInterceptor"/>
    /// on every save; null only on rows written before the column existed, until <see cref="ApplicantKeyBackfill"/> fills them.</summary>
    public string? NameKey { get; set; }
    /// <summary>The residence address in lookup form (<see cref="ApplicantKeys.Address"/>), kept like <see cref="NameKey"/>.</summary>
    public string? AddressKey { get; set; }
}

/// <summary>Where the problem is (F1.4); may differ from the applicant's address.</summary>
public sealed class Location
{
    public string? Address { get; set; }
    public int? BuildingId { get; set; }
    public int? DistrictId { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }
}

/// <summary>One question («питання») of an appeal: its own category, place, executor, deadline, status and result.</summary>
public sealed class Question
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public Appeal Appeal { get; set; } = null!;
    public int Number { get; set; }
    public required string CategoryCode { get; set; }
    public required string Description { get; set; }
    /// <summary>The appeal's <see cref="Appeal.ReceivedAt"/>, copied so period reports read questions without a join
    /// (issue 8). Null only for rows written before the column existed; <c>StatutoryReport</c> fills those in.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
    public Location Location { get; set; } = new();
    public required string ReviewTrackCode { get; set; }
    public AppealStatus Status { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Main executor of the current assignment; denormalised for the executor inbox index.</summary>
    public int? ExecutorId { get; set; }
    public string? AssigneeUserId { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public int ExtendedWorkingDays { get; set; }
    public int ReworkCount { get; set; }
    public ResultCode? ResultCode { get; set; }
    public string? ResultText { get; set; }
    public DateTimeOffset? ResultAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ForwardedTo { get; set; }
    public string? LegalBasis { get; set; }
    public bool? VerificationConfirmed { get; set; }
    public int? VerificationRating { get; set; }
    public string? VerificationComment { get; set; }
    public string? VerificationVia { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>When the overdue watch first saw this question past its deadline (overdue is a flag, not a state).</summary>
    public DateTimeOffset? OverdueFlaggedAt { get; set; }
    /// <summary>When the executor was reminded of the deadline (once per deadline; cleared when the deadline moves).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>F6.2: «not confirmed» after the rework limit; the supervisor decides (rework or close). Null when not waiting.</summary>
    public DateTimeOffset? SupervisorDecisionSince { get; set; }

    public List<Assignment> Assignments { get; set; } = [];
}

public enum AssignmentRole { Main, CoExecutor, ForInformation }

/// <summary>An assignment («доручення») of a question to an executor organisation.</summary>
public sealed class Assignment
{
    public long Id { get; set; }
    public long QuestionId { get; set; }
    public int ExecutorId { get; set; }
    public AssignmentRole Role { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    /// <summary>False once the question was reassigned away from this executor.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>One line of the appeal's timeline: who, when, from, to, comment.</summary>
public sealed class AppealHistoryEntry
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public int? QuestionNumber { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public AppealStatus? FromStatus { get; set; }
    public AppealStatus? ToStatus { get; set; }
    public string? Comment { get; set; }
    /// <summary>Shown to the applicant on the portal and in the bot.</summary>
    public bool Public { get; set; }
}

public sealed class AppealComment
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public int? QuestionNumber { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public bool Public { get; set; }
}

public sealed class Attachment
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public int? QuestionNumber { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    /// <summary>True for documents and photos an executor uploads as evidence of the result.</summary>
    public bool Evidence { get; set; }
    public AttachmentContent Content { get; set; } = null!;
}

/// <summary>File bytes, kept apart so listing attachments never loads them.</summary>
public sealed class AttachmentContent
{
    public long AttachmentId { get; set; }
    public required byte[] Data { get; set; }
}

public enum ExecutorRequestType { Reassign, Extend, Defer, AdditionalControl }

public enum ExecutorRequestStatus { Pending, Approved, Declined }

/// <summary>An executor's request that a supervisor approves or declines (F3.3–F3.4).</summary>
public sealed class ExecutorRequest
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public Appeal Appeal { get; set; } = null!;
    public long QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public ExecutorRequestType Type { get; set; }
    public required string Reason { get; set; }
    public int? TargetExecutorId { get; set; }
    public int? WorkingDays { get; set; }
    public ExecutorRequestStatus Status { get; set; }
    public int? RequestedByExecutorId { get; set; }
    public string? RequestedByUserId { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>R8: the deadline before an approved extension; the applicant's notice must go out before it.</summary>
    public DateTimeOffset? PreviousDueAt { get; set; }
}

/// <summary>A concurrency-safe counter for registration numbers.</summary>
public sealed class NumberCounter
{
    public required string Key { get; set; }
    public long Value { get; set; }
}
