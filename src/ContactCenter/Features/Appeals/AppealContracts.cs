using ContactCenter.Core.Appeals;

namespace ContactCenter.Features.Appeals;

// The wire shapes of API.md. Enums travel as camelCase strings; nullable where the client may omit them,
// so that a missing required value is reported, not silently defaulted.

public sealed record ApplicantInput(
    string? FullName,
    string? Phone,
    string? Email,
    string? Address,
    string? RegisteredAddress,
    string? PrivilegeCategory,
    string? SocialStatus,
    string? RepresentativeOf,
    string? TelegramId = null);

public sealed record LocationInput(string? Address, int? AddressId, double? Lat, double? Long);

public sealed record QuestionInput(string? CategoryCode, string? Description, LocationInput? Location, int? ExecutorId, string? ReviewTrack = null);

public sealed record RegisterAppealRequest(
    Channel? Channel,
    AppealKind? Kind,
    AppealForm? Form,
    ApplicantInput? Applicant,
    bool IsCollective,
    int? SignatoriesCount,
    string? CategoryCode,
    string? Description,
    LocationInput? Location,
    Priority? Priority,
    string? ReviewTrack,
    DateTimeOffset? ReceivedAt,
    bool HideIdentity,
    string? ExternalId,
    int? ExecutorId,
    int? ContestedExecutorId,
    IReadOnlyList<QuestionInput>? Questions,
    string? CallId = null)
{
    /// <summary>
    /// Set by integrations that bring their own deadline (the Unified System's «вирішити до», F2.7): each question is due
    /// at the earlier of this and the computed deadline. Not part of the public registration body.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? DueNotLaterThan { get; init; }
}

public sealed record ApplicantView(
    string FullName,
    string? Phone,
    string? Email,
    string? Address,
    string? RegisteredAddress,
    string? PrivilegeCategory,
    string? SocialStatus,
    string? RepresentativeOf,
    bool Hidden);

public sealed record LocationView(string? Address, int? AddressId, int? DistrictId, double? Lat, double? Long);

public sealed record ExecutorRef(int Id, string Name);

public sealed record ResultView(ResultCode Code, string? Text, DateTimeOffset? At, string? LegalBasis, string? ForwardedTo);

public sealed record VerificationView(bool Confirmed, int? Rating, string? Comment, string? Via, DateTimeOffset? At);

public sealed record FlagsView(string? RepeatOf, string? DuplicateOf, bool Resonant, bool AdditionalControl);

public sealed record QuestionView(
    int Number,
    string CategoryCode,
    string? CategoryName,
    string Description,
    LocationView Location,
    AppealStatus Status,
    DateTimeOffset? DueAt,
    bool Overdue,
    string ReviewTrack,
    ExecutorRef? Executor,
    IReadOnlyList<ExecutorRef> CoExecutors,
    IReadOnlyList<ExecutorRef> ForInformation,
    string? Assignee,
    ResultView? Result,
    VerificationView? Verification,
    int ReworkCount,
    int ExtendedWorkingDays,
    IReadOnlyList<AppealTrigger> AllowedActions);

public sealed record AppealView(
    string RegistrationNumber,
    AppealStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    Channel Channel,
    AppealKind Kind,
    AppealForm Form,
    ApplicantView Applicant,
    bool IsCollective,
    int? SignatoriesCount,
    bool HideIdentity,
    string CategoryCode,
    string Description,
    LocationView Location,
    Priority Priority,
    string ReviewTrack,
    ExecutorRef? Executor,
    string? Assignee,
    FlagsView Flags,
    ResultView? Result,
    VerificationView? Verification,
    string? ExternalId,
    int Version,
    IReadOnlyList<QuestionView> Questions);

public sealed record AppealListItem(
    string RegistrationNumber,
    AppealStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    Channel Channel,
    AppealKind Kind,
    Priority Priority,
    string CategoryCode,
    string Description,
    ApplicantView Applicant,
    ExecutorRef? Executor,
    int QuestionCount);

/// <summary>A page of a list. <c>TotalExact</c> is false when there are more matches than were counted.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public bool TotalExact { get; init; } = true;
}

public sealed record HistoryItem(DateTimeOffset At, string Actor, string Action, AppealStatus? FromStatus, AppealStatus? ToStatus, string? Comment, int? Question);

public sealed record AssignRequest(int? ExecutorId, string? AssigneeUserId, IReadOnlyList<int>? CoExecutorIds, IReadOnlyList<int>? ForInformationIds, string? Comment);

public sealed record CommentRequest(string? Text, bool Public);

public sealed record CommentView(long Id, DateTimeOffset At, string Author, string Text, bool Public, int? Question);

public sealed record ExecutorRequestInput(ExecutorRequestType? Type, string? Reason, int? ExecutorId, int? WorkingDays);

public sealed record ExecutorRequestView(
    long Id,
    string RegistrationNumber,
    int QuestionNumber,
    ExecutorRequestType Type,
    ExecutorRequestStatus Status,
    string Reason,
    int? ExecutorId,
    int? WorkingDays,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason);

public sealed record DecisionRequest(string? Reason, int? ExecutorId);

public sealed record ResultRequest(string? Text, ResultCode? ResultCode);

public sealed record VerificationRequest(bool? Confirmed, int? Rating, string? Comment, string? Via);

public sealed record AnswerRequest(string? Text);

public sealed record ForwardRequest(string? Body, string? Explanation, string? LegalBasis);

public sealed record RejectRequest(string? LegalBasis, string? Reasons, string? AppealProcedure);

/// <summary>R9: the head terminates an appeal on a question already resolved on the merits; the applicant is told why.</summary>
public sealed record TerminateRequest(string? Reason, string? EarlierRegistrationNumber);

/// <summary>R2: an appeal lacking required data goes back to the applicant with an explanation.</summary>
public sealed record ReturnRequest(string? Explanation);

public sealed record ReasonRequest(string? Reason);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, bool Evidence, int? Question);
