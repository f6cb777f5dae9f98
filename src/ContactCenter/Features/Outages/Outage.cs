namespace ContactCenter.Features.Outages;

public enum OutageType { Water, Heating, HotWater, Electricity, Gas, Sewerage, Roads, Other }

/// <summary>Planned repair works or an emergency («аварійне») outage.</summary>
public enum OutageKind { Planned, Emergency }

/// <summary>Planned until it starts, active from its start until the executor closes it.</summary>
public enum OutageStatus { Planned, Active, Closed }

public enum OutageAreaKind { Street, Buildings, Range, District }

/// <summary>Side of a street for a range of numbers: all, odd («непарна») or even («парна») numbers.</summary>
public enum StreetSide { All, Odd, Even }

/// <summary>
/// Repair works or an outage (F8.1): what happened, why, what residents should expect, until when, who fixes it
/// and which addresses it affects. Coverage is expanded to building ids (<see cref="OutageBuilding"/>) on every save.
/// </summary>
public sealed class Outage
{
    public long Id { get; set; }
    public OutageType Type { get; set; }
    public OutageKind Kind { get; set; }
    /// <summary>Short information about the situation.</summary>
    public required string Information { get; set; }
    public string? Causes { get; set; }
    /// <summary>Consequences for residents.</summary>
    public string? Consequences { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>Term of elimination («термін усунення»).</summary>
    public DateTimeOffset? ExpectedEndAt { get; set; }
    public int ExecutorId { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public string? ClosedByName { get; set; }
    /// <summary>Concurrency token, raised on every change.</summary>
    public int Version { get; set; }
    public List<OutageArea> Areas { get; set; } = [];
    public List<OutageUpdate> Updates { get; set; } = [];

    public OutageStatus StatusAt(DateTimeOffset now) =>
        IsClosed ? OutageStatus.Closed : StartsAt > now ? OutageStatus.Planned : OutageStatus.Active;
}

/// <summary>
/// One affected area: a whole street, a list of buildings of a street, a range of numbers of a street (optionally one
/// side), or a whole district.
/// </summary>
public sealed class OutageArea
{
    public long Id { get; set; }
    public long OutageId { get; set; }
    public OutageAreaKind Kind { get; set; }
    public int? StreetId { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>Building numbers of a <see cref="OutageAreaKind.Buildings"/> area, as given, separated by commas.</summary>
    public string? Numbers { get; set; }
    public int? FromNumber { get; set; }
    public int? ToNumber { get; set; }
    public StreetSide Side { get; set; }
}

/// <summary>A timestamped note on how the works go («оновлення»).</summary>
public sealed class OutageUpdate
{
    public long Id { get; set; }
    public long OutageId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Text { get; set; }
    public string AuthorName { get; set; } = "";
}

/// <summary>Coverage expanded to buildings: the key (building_id, outage_id) answers "which outages cover this building" by one index seek.</summary>
public sealed class OutageBuilding
{
    public int BuildingId { get; set; }
    public long OutageId { get; set; }
}

/// <summary>An appeal question linked to an outage (a mass incident): it is worked by closing the outage.</summary>
public sealed class OutageAppeal
{
    public long Id { get; set; }
    public long OutageId { get; set; }
    public long AppealId { get; set; }
    public int QuestionNumber { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedByName { get; set; } = "";
    public bool Automatic { get; set; }
}
