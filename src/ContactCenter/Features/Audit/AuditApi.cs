using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Audit;

public sealed record AuditEntryView(long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string? EntityId, string? Details, string? IpAddress);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", async (string? entityType, string? entityId, string? actor, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
            AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var size = Math.Clamp(pageSize ?? 50, 1, 500);
            var p = Math.Max(page ?? 1, 1);
            var q = db.AuditLog.AsNoTracking();
            if (entityType is { Length: > 0 })
                q = q.Where(a => a.EntityType == entityType);
            if (entityId is { Length: > 0 })
                q = q.Where(a => a.EntityId == entityId);
            if (actor is { Length: > 0 })
                q = q.Where(a => a.ActorName == actor);
            if (from is { } f)
                q = q.Where(a => a.At >= f);
            if (to is { } t)
                q = q.Where(a => a.At <= t);
            var items = await q.OrderByDescending(a => a.Id).Skip((p - 1) * size).Take(size)
                .Select(a => new AuditEntryView(a.Id, a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details, a.IpAddress))
                .ToListAsync(ct);
            return TypedResults.Ok(items);
        })
        .RequireAuthorization().WithTags("Administration").WithName("ReadAuditLog")
        .WithSummary("Who did or read what, newest first (administrator).");
        return app;
    }
}
