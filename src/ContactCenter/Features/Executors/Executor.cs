namespace ContactCenter.Features.Executors;

public enum ExecutorKind { Department, UtilityCompany, OtherBody }

/// <summary>An executor organisation («виконавець»): a council department, a utility company or another body, in a hierarchy.</summary>
public sealed class Executor
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public ExecutorKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WorkingHours { get; set; }
    public bool IsActive { get; set; } = true;
    public List<ExecutorCompetence> Competences { get; set; } = [];
    public List<ExecutorStaffMember> Staff { get; set; } = [];
}

/// <summary>A category the executor is competent for.</summary>
public sealed class ExecutorCompetence
{
    public int ExecutorId { get; set; }
    public required string CategoryCode { get; set; }
}

/// <summary>A concrete person working appeals («конкретний виконавець»).</summary>
public sealed class ExecutorStaffMember
{
    public int Id { get; set; }
    public int ExecutorId { get; set; }
    public required string FullName { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? UserId { get; set; }
    public bool IsResponsible { get; set; }
}
