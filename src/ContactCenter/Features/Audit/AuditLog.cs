using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Audit;

/// <summary>
/// Writes the append-only audit log (F12.1). Entries are added to the caller's unit of work, so a change and its
/// record commit together; <see cref="RecordReadAsync"/> saves at once because reads change nothing else.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Add(Actor actor, string action, string entityType, string? entityId, string? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    public async Task RecordReadAsync(Actor actor, string entityType, string? entityId, string? details, CancellationToken ct)
    {
        Add(actor, "read", entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }
}
