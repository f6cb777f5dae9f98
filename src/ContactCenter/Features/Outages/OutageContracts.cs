using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Features.Outages;

/// <summary>
/// An affected area. <c>street</c>: <c>streetId</c> or <c>street</c> (name, resolved through the register), optional
/// <c>side</c>; <c>buildings</c>: a street and <c>buildings</c> ["1", "3а"]; <c>range</c>: a street, <c>from</c>, <c>to</c>
/// and optional <c>side</c> (odd/even); <c>district</c>: <c>districtId</c>.
/// </summary>
public sealed record OutageAreaInput(OutageAreaKind? Kind, int? StreetId, string? Street, int? DistrictId,
    IReadOnlyList<string>? Buildings, int? From, int? To, StreetSide? Side);

public sealed record OutageInput(OutageType? Type, OutageKind? Kind, string? Information, string? Causes, string? Consequences,
    DateTimeOffset? StartsAt, DateTimeOffset? ExpectedEndAt, int? ExecutorId, IReadOnlyList<OutageAreaInput>? Areas);

public sealed record OutageNoteInput(string? Text);

public sealed record OutageCloseInput(string? Text);

public sealed record OutageLinkInput(string? RegistrationNumber, int? QuestionNumber);

public sealed record OutageAreaView(OutageAreaKind Kind, int? StreetId, string? Street, int? DistrictId, string? District,
    IReadOnlyList<string>? Buildings, int? From, int? To, StreetSide Side, string Description);

public sealed record OutageUpdateView(DateTimeOffset At, string Text);

/// <summary>The outage as the public sees it (portal, bot): no personal data, no staff names.</summary>
public sealed record OutageView(long Id, OutageType Type, OutageKind Kind, OutageStatus Status, string Information, string? Causes,
    string? Consequences, DateTimeOffset StartsAt, DateTimeOffset? ExpectedEndAt, DateTimeOffset? ClosedAt, string? ClosingText,
    ExecutorRef Executor, IReadOnlyList<OutageAreaView> Areas, IReadOnlyList<OutageUpdateView> Updates, int CoveredBuildings,
    DateTimeOffset UpdatedAt);

public sealed record OutageList(IReadOnlyList<OutageView> Items, int Total);

/// <summary>What <c>/outages/at</c> resolved the address to, and the open outages there.</summary>
public sealed record OutagesAtView(string? Address, int? BuildingId, int? StreetId, IReadOnlyList<OutageView> Outages);

public sealed record LinkedAppealView(string RegistrationNumber, int QuestionNumber, string CategoryCode, AppealStatus Status,
    DateTimeOffset LinkedAt, bool Automatic);

/// <summary>
/// What closing did to one linked question: its status afterwards and whether this call moved it, or the error that
/// stopped it (status then unknown).
/// </summary>
public sealed record ClosedAppealOutcome(string RegistrationNumber, int QuestionNumber, AppealStatus? Status, bool Moved, string? Error);

public sealed record OutageCloseView(OutageView Outage, IReadOnlyList<ClosedAppealOutcome> Appeals);
