using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Control;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Console;

public sealed record Counters(int UnreadNotifications, int NewInInbox, int PendingApprovals, int AwaitingSupervisorDecision = 0);

/// <summary>
/// The numbers beside the menu items: unread staff notifications (the same audience as
/// <c>GET /api/v1/staff-notifications</c>), new appeals waiting in the executor's inbox, requests waiting for approval.
/// </summary>
public sealed class MenuCounters(AppDbContext db, AppealAccess access)
{
    public async Task<Counters> CountAsync(Actor actor, CancellationToken ct)
    {
        var unread = actor.IsExecutorSide || actor.IsSupervisorOrAdmin
            ? await StaffNotificationsApi.For(db, actor).Where(n => n.ReadAt == null).Take(1000).CountAsync(ct)
            : 0;
        var inbox = 0;
        if (actor.IsExecutorSide)
        {
            var scope = (await access.ScopeAsync(actor, ct))?.ToList();
            if (scope is not null)
                inbox = await db.Questions.Where(q => q.Status == AppealStatus.Assigned && q.ExecutorId != null && scope.Contains(q.ExecutorId.Value)).Take(1000).CountAsync(ct);
        }
        var pending = actor.IsSupervisorOrAdmin
            ? await db.ExecutorRequests.Where(r => r.Status == ExecutorRequestStatus.Pending).Take(1000).CountAsync(ct)
            : 0;
        // F6.2: results not confirmed after the rework limit, waiting for the supervisor.
        var awaiting = actor.IsSupervisorOrAdmin
            ? await db.Questions.Where(q => q.SupervisorDecisionSince != null && q.Status == AppealStatus.ResultReported).Take(1000).CountAsync(ct)
            : 0;
        return new Counters(unread, inbox, pending, awaiting);
    }

    public async Task MarkReadAsync(Actor actor, long? id, TimeProvider time, CancellationToken ct)
    {
        var query = StaffNotificationsApi.For(db, actor).Where(n => n.ReadAt == null);
        if (id is { } one)
            query = query.Where(n => n.Id == one);
        var now = time.GetUtcNow();
        foreach (var n in await query.Take(500).ToListAsync(ct))
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>One per circuit: a page that changes what the counters count (marking read) tells the menu at once.</summary>
public sealed class CountersChanged
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
