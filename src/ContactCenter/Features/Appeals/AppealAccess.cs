using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Resource-based authorization of appeals (F12.2), in one place: an executor organisation and its staff
/// see and act on only the questions assigned to it or the units below it; other staff roles see all.
/// </summary>
public sealed class AppealAccess(ExecutorDirectory executors)
{
    /// <summary>The executors whose work the actor may see, or null when the actor sees everything.</summary>
    public async Task<IReadOnlySet<int>?> ScopeAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsExecutorSide)
            return null;
        return actor.ExecutorId is { } id ? await executors.ScopeOfAsync(id, ct) : new HashSet<int>();
    }

    public async Task EnsureCanReadAsync(Appeal appeal, Actor actor, CancellationToken ct)
    {
        if (actor.Role == "none")
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var scope = await ScopeAsync(actor, ct);
        if (scope is not null && !appeal.Questions.Any(q => InScope(q, scope)))
            throw new ForbiddenException(Text.Get("appeal.noAccess", appeal.RegistrationNumber));
    }

    /// <summary>Executors act only on questions whose main executor is in their scope.</summary>
    public async Task EnsureCanActAsync(Appeal appeal, Question question, Actor actor, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, ct);
        if (scope is not null && !(question.ExecutorId is { } e && scope.Contains(e)))
            throw new ForbiddenException(Text.Get("appeal.noAccess", appeal.RegistrationNumber));
    }

    public static bool InScope(Question q, IReadOnlySet<int> scope) =>
        (q.ExecutorId is { } e && scope.Contains(e)) || q.Assignments.Any(a => a.Active && scope.Contains(a.ExecutorId));

    /// <summary>R12: identity hidden on request is not shown to executors (and exports).</summary>
    public static bool MustMask(bool hideIdentity, Actor actor) => hideIdentity && actor.IsExecutorSide;
}
