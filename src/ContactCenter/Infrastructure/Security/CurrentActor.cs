using System.Security.Claims;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Identity;

namespace ContactCenter.Infrastructure.Security;

/// <summary>Who is acting in this request: a signed-in user or an API key.</summary>
public sealed record Actor(string? UserId, string Name, string Role, int? ExecutorId)
{
    public const string ExecutorIdClaim = "cc:executor_id";

    public static readonly Actor System = new(null, "system", "system", null);

    /// <summary>The role as the state machine knows it.</summary>
    public ActorRole ActorRole => Role switch
    {
        Roles.Administrator => ActorRole.Administrator,
        Roles.Supervisor => ActorRole.Supervisor,
        Roles.Operator => ActorRole.Operator,
        Roles.Executor => ActorRole.Executor,
        Roles.ExecutorStaff => ActorRole.ExecutorStaff,
        Roles.Leadership => ActorRole.Leadership,
        Roles.Integration => ActorRole.Integration,
        "system" => ActorRole.System,
        // A citizen acting through the portal on their own appeal (verified by its private link).
        "applicant" => ActorRole.Applicant,
        // Anything else may not act: Leadership appears in no transition.
        _ => ActorRole.Leadership,
    };

    public bool IsExecutorSide => Role is Roles.Executor or Roles.ExecutorStaff;
    public bool IsAdministrator => Role == Roles.Administrator;
    public bool IsSupervisorOrAdmin => Role is Roles.Supervisor or Roles.Administrator;
    public bool CanRegister => Role is Roles.Operator or Roles.Supervisor or Roles.Administrator or Roles.Integration;

    // A user with several roles acts with the strongest one.
    private static readonly string[] Precedence =
        [Roles.Administrator, Roles.Supervisor, Roles.Operator, Roles.Executor, Roles.ExecutorStaff, Roles.Leadership, Roles.Integration];

    public static Actor From(ClaimsPrincipal user)
    {
        var role = Precedence.FirstOrDefault(user.IsInRole) ?? "none";
        var executor = int.TryParse(user.FindFirstValue(ExecutorIdClaim), out var id) ? id : (int?)null;
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindFirstValue("cc:full_name") ?? user.Identity?.Name ?? "?",
            role,
            executor);
    }
}

public static class ActorHttpExtensions
{
    public static Actor Actor(this HttpContext http) => Security.Actor.From(http.User);

    /// <summary>Reference data and keys are the administrator's (F11); everyone else gets 403.</summary>
    public static Actor RequireAdministrator(this HttpContext http)
    {
        var actor = http.Actor();
        if (!actor.IsAdministrator)
            throw new Errors.ForbiddenException(Text.Get("error.forbidden"));
        return actor;
    }
}
