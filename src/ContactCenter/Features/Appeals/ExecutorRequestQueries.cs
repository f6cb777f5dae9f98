using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Appeals;

public sealed class ExecutorRequestQueries(AppDbContext db, AppealAccess access)
{
    public async Task<IReadOnlyList<ExecutorRequestView>> ListAsync(ExecutorRequestStatus status, Actor actor, CancellationToken ct)
    {
        if (actor.Role is "none" or Identity.Roles.Integration)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var query = db.ExecutorRequests.AsNoTracking().Where(r => r.Status == status);
        var scope = await access.ScopeAsync(actor, ct);
        if (scope is not null)
        {
            var ids = scope.ToList();
            query = query.Where(r => r.RequestedByExecutorId != null && ids.Contains(r.RequestedByExecutorId.Value));
        }
        var rows = await query.OrderBy(r => r.RequestedAt).Take(500)
            .Select(r => new { Request = r, r.Appeal.RegistrationNumber, r.Question.Number })
            .ToListAsync(ct);
        return rows.Select(r => View(r.Request, r.RegistrationNumber, r.Number)).ToList();
    }

    public async Task<ExecutorRequestView> ToViewAsync(ExecutorRequest r, CancellationToken ct)
    {
        var info = await db.Questions.AsNoTracking().Where(q => q.Id == r.QuestionId)
            .Select(q => new { q.Appeal.RegistrationNumber, q.Number }).FirstAsync(ct);
        return View(r, info.RegistrationNumber, info.Number);
    }

    private static ExecutorRequestView View(ExecutorRequest r, string number, int question) => new(
        r.Id, number, question, r.Type, r.Status, r.Reason, r.TargetExecutorId, r.WorkingDays,
        r.RequestedByName, r.RequestedAt, r.DecidedByName, r.DecidedAt, r.DecisionReason);
}
