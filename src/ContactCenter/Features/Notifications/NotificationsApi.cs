using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Notifications;

public sealed record NotificationTemplateView(NotificationKind Kind, string Subject, string Body, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedByName);

public sealed record NotificationTemplateInput(string? Subject, string? Body);

/// <summary>A message to the applicant as the card shows it. The recipient is left out for executor-side roles.</summary>
public sealed record NotificationView(
    long Id, NotificationKind Kind, int? QuestionNumber, NotificationChannel? Channel, string? Recipient, NotificationStatus Status,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? Body, string? LastError);

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/notification-templates").WithTags("Notifications").RequireAuthorization();

        templates.MapGet("", async (AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            if (!actor.IsSupervisorOrAdmin)
                throw new ForbiddenException(Text.Get("error.forbidden"));
            var stored = await db.Set<NotificationTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
            return TypedResults.Ok(NotificationTemplates.Defaults.Select(d => stored.TryGetValue(d.Key, out var t)
                ? new NotificationTemplateView(t.Kind, t.Subject, t.Body, false, t.UpdatedAt, t.UpdatedByName)
                : new NotificationTemplateView(d.Key, d.Value.Subject, d.Value.Body, true, null, null)).ToList());
        }).WithName("ListNotificationTemplates").WithSummary("The texts of the messages to applicants, with the defaults where none was edited.");

        templates.MapPut("/{kind}", async (string kind, NotificationTemplateInput input, AppDbContext db, AuditLog audit, TimeProvider time,
            HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            if (!actor.IsAdministrator)
                throw new ForbiddenException(Text.Get("error.forbidden"));
            if (!Enum.TryParse<NotificationKind>(kind, true, out var k) || !NotificationTemplates.Defaults.ContainsKey(k))
                throw new NotFoundException(Text.Get("notification.template.unknown", kind));
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(input.Subject))
                errors.Add("subject", Text.Get("field.required"));
            else if (input.Subject.Length > 200)
                errors.Add("subject", Text.Get("field.tooLong", 200));
            if (string.IsNullOrWhiteSpace(input.Body))
                errors.Add("body", Text.Get("field.required"));
            else if (input.Body.Length > 2000)
                errors.Add("body", Text.Get("field.tooLong", 2000));
            else if (!input.Body.Contains("{number}", StringComparison.Ordinal))
                errors.Add("body", Text.Get("notification.template.number"));
            errors.ThrowIfAny();
            var row = await db.Set<NotificationTemplate>().FirstOrDefaultAsync(t => t.Kind == k, ct);
            if (row is null)
            {
                row = new NotificationTemplate { Kind = k, Subject = "", Body = "" };
                db.Add(row);
            }
            row.Subject = input.Subject!.Trim();
            row.Body = input.Body!.Trim();
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedByName = actor.Name;
            audit.Add(actor, "update", "notificationTemplate", k.ToString());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new NotificationTemplateView(row.Kind, row.Subject, row.Body, false, row.UpdatedAt, row.UpdatedByName));
        }).WithName("UpdateNotificationTemplate").WithSummary("Edits a message text (administrator). Placeholders: {number}, {details}, {dueAt}.");

        app.MapGet("/api/v1/appeals/{number}/notifications", async (string number, AppDbContext db, AppealAccess access, HttpContext http,
            CancellationToken ct) =>
        {
            var actor = http.Actor();
            var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.RegistrationNumber == number, ct)
                ?? throw new NotFoundException(Text.Get("appeal.notFound", number));
            await access.EnsureCanReadAsync(appeal, actor, ct);
            var showRecipient = !actor.IsExecutorSide;
            var rows = await db.Set<Notification>().AsNoTracking().Where(n => n.AppealId == appeal.Id).OrderBy(n => n.Id).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(n => new NotificationView(n.Id, n.Kind, n.QuestionNumber, n.Channel, showRecipient ? n.Recipient : null,
                n.Status, n.Attempts, n.CreatedAt, n.Status == NotificationStatus.Pending ? n.NextAttemptAt : null, n.SentAt, n.Body, n.LastError)).ToList());
        }).WithTags("Notifications").RequireAuthorization()
            .WithName("ListAppealNotifications").WithSummary("Messages to the applicant about this appeal and their delivery status.");
        return app;
    }
}
