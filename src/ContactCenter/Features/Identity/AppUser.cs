using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Features.Identity;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    /// <summary>For executors and their staff: the organisation they act for.</summary>
    public int? ExecutorId { get; set; }
    /// <summary>Staff must enrol a second factor before working (F12.4).</summary>
    public bool MustEnrolTwoFactor { get; set; }
    /// <summary>The operator's PBX extension: a CTI event's <c>user</c> names the operator by it (or by the login).</summary>
    public string? Extension { get; set; }
    /// <summary>Signed in with a temporary password an administrator issued: the console asks for a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>Role names (SPEC §1), as stored in Identity and bound to API keys.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Executor = "executor";
    public const string ExecutorStaff = "executorStaff";
    public const string Leadership = "leadership";
    public const string Administrator = "administrator";
    /// <summary>Machines of other systems (Open311 clients, the Unified System): register and read.</summary>
    public const string Integration = "integration";

    public static readonly IReadOnlyList<string> All = [Operator, Supervisor, Executor, ExecutorStaff, Leadership, Administrator, Integration];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
