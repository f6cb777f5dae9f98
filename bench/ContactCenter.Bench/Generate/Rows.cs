using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Bench.Generate;

// Plain rows in the shape of the PostgreSQL tables (see Migrations/Postgres/*_Initial.cs), written by binary COPY.
// Times are UTC; enums are stored by name as the app's value converter does.

internal sealed class AppealRow
{
    public long Id;
    public required string RegistrationNumber;
    public DateTime ReceivedAt;
    public DateTime RegisteredAt;
    public DateTime UpdatedAt;
    public Channel Channel;
    public AppealKind Kind;
    public AppealForm Form;
    public Priority Priority;
    public required string FullName;
    public string? Phone;
    public string? Email;
    public string? Address;
    public string? PrivilegeCategory;
    public string? SocialStatus;
    public string? TelegramId;
    public bool IsCollective;
    public int? SignatoriesCount;
    public bool HideIdentity;
    public required string Description;
    public string? ExternalId;
    public AppealStatus Status;
    public DateTime? DueAt;
    public long? RepeatOfId;
    public bool Resonant;
    public bool AdditionalControl;
    public int Version;
    public required string RegisteredByName;
}

internal sealed class QuestionRow
{
    public long Id;
    public long AppealId;
    public int Number;
    public required string CategoryCode;
    public required string Description;
    public string? LocationAddress;
    public required string ReviewTrackCode;
    public AppealStatus Status;
    public DateTime DueAt;
    public int? ExecutorId;
    public DateTime? AcceptedAt;
    public ResultCode? ResultCode;
    public string? ResultText;
    public DateTime? ResultAt;
    public DateTime? ClosedAt;
    public string? ForwardedTo;
    public string? LegalBasis;
    public bool? VerificationConfirmed;
    public int? VerificationRating;
    public string? VerificationVia;
    public DateTime? VerifiedAt;
}

internal readonly record struct AssignmentRow(long Id, long QuestionId, int ExecutorId, AssignmentRole Role, DateTime AssignedAt, bool Active);

internal readonly record struct HistoryRow(
    long Id, long AppealId, int? QuestionNumber, DateTime At, string ActorName, string Action,
    AppealStatus? FromStatus, AppealStatus? ToStatus, string? Comment, bool Public);

internal sealed class Batch
{
    public List<AppealRow> Appeals { get; } = [];
    public List<QuestionRow> Questions { get; } = [];
    public List<AssignmentRow> Assignments { get; } = [];
    public List<HistoryRow> History { get; } = [];

    public long Rows => Appeals.Count + Questions.Count + Assignments.Count + History.Count;
}
