using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Control;

public sealed record StaffNotificationView(long Id, DateTimeOffset At, string Kind, string? RegistrationNumber, string Text, bool Read);

public static class StaffNotificationsApi
{
    public static IEndpointRouteBuilder MapStaffNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff-notifications").WithTags("Control").RequireAuthorization();
        group.MapGet("/", async (bool? unread, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var query = For(db, http.Actor());
            if (unread == true)
                query = query.Where(n => n.ReadAt == null);
            var items = await query.OrderByDescending(n => n.Id).Take(200)
                .Select(n => new StaffNotificationView(n.Id, n.At, n.Kind, n.RegistrationNumber, n.Text, n.ReadAt != null))
                .ToListAsync(ct);
            return TypedResults.Ok(items);
        }).WithName("ListStaffNotifications").WithSummary("Reminders and escalations addressed to the caller's organisation or role.");
        group.MapPost("/{id:long}/read", async (long id, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var n = await For(db, http.Actor()).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            n.ReadAt ??= time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("MarkStaffNotificationRead");
        return app;
    }

    /// <summary>An executor reads its organisation's; the supervisor and the administrator read the supervisors'.</summary>
    public static IQueryable<StaffNotification> For(AppDbContext db, Actor actor)
    {
        if (actor.IsExecutorSide)
            return db.StaffNotifications.Where(n => n.RecipientExecutorId == actor.ExecutorId);
        if (actor.IsSupervisorOrAdmin)
            return db.StaffNotifications.Where(n => n.RecipientRole == Roles.Supervisor);
        throw new ForbiddenException(Text.Get("error.forbidden"));
    }
}
