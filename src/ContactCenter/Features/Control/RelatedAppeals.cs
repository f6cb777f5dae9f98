using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Control;

public enum LinkKind { Repeated, Duplicate }

public sealed record LinkRequest(LinkKind? Kind, string? RegistrationNumber);

public sealed record ResonantRequest(string? Reason);

public sealed record RelatedAppeal(string RegistrationNumber, AppealStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, string CategoryCode, string Description, string Why);

/// <summary>
/// R9 and F5.2: earlier appeals of the same applicant on the same category, open appeals about the same place and
/// category, and marking an appeal repeated («повторне»), duplicate («дублетне») or resonant («резонансне»).
/// </summary>
public sealed class RelatedAppeals(AppDbContext db, AppealWorkflow workflow, AppealAccess access, AuditLog audit, AppealEvents events, TimeProvider time)
{
    public async Task<IReadOnlyList<RelatedAppeal>> FindAsync(string number, Actor actor, CancellationToken ct)
    {
        var appeal = await workflow.LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var categories = appeal.Questions.Select(q => q.CategoryCode).Distinct().ToList();
        var phone = appeal.Applicant.Phone;
        var name = appeal.Applicant.FullName;
        var address = appeal.Applicant.Address;
        var sameApplicant = await db.Appeals.AsNoTracking()
            .Where(a => a.Id != appeal.Id && a.ReceivedAt <= appeal.ReceivedAt)
            .Where(a => (phone != null && a.Applicant.Phone == phone) || (a.Applicant.FullName == name && a.Applicant.Address == address))
            .Where(a => a.Questions.Any(q => categories.Contains(q.CategoryCode)))
            .OrderByDescending(a => a.ReceivedAt).Take(20)
            .Select(a => new { a.RegistrationNumber, a.Status, a.ReceivedAt, a.DueAt, a.Description, Category = a.Questions.OrderBy(q => q.Number).Select(q => q.CategoryCode).FirstOrDefault() })
            .ToListAsync(ct);
        var places = appeal.Questions.Where(q => q.Location.BuildingId != null).Select(q => q.Location.BuildingId).Distinct().ToList();
        var open = AppealStateMachine.OpenStatuses.ToList();
        var samePlace = places.Count == 0 ? [] : await db.Questions.AsNoTracking()
            .Where(q => q.AppealId != appeal.Id && places.Contains(q.Location.BuildingId) && categories.Contains(q.CategoryCode) && open.Contains(q.Status))
            .OrderByDescending(q => q.Appeal.ReceivedAt).Take(20)
            .Select(q => new { q.Appeal.RegistrationNumber, q.Status, q.Appeal.ReceivedAt, q.DueAt, q.Description, q.CategoryCode })
            .ToListAsync(ct);
        var result = sameApplicant.Select(a => new RelatedAppeal(a.RegistrationNumber, a.Status, a.ReceivedAt, a.DueAt, a.Category ?? "", a.Description, "sameApplicant")).ToList();
        foreach (var q in samePlace.Where(q => result.All(r => r.RegistrationNumber != q.RegistrationNumber)))
            result.Add(new RelatedAppeal(q.RegistrationNumber, q.Status, q.ReceivedAt, q.DueAt, q.CategoryCode, q.Description, "samePlace"));
        return result;
    }

    public async Task<Appeal> LinkAsync(string number, LinkRequest request, Actor actor, CancellationToken ct)
    {
        EnsureOperatorOrHead(actor);
        var errors = new ValidationErrors();
        if (request.Kind is null)
            errors.Add("kind", Text.Get("field.required"));
        if (string.IsNullOrWhiteSpace(request.RegistrationNumber) || request.RegistrationNumber == number)
            errors.Add("registrationNumber", Text.Get("field.required"));
        errors.ThrowIfAny();
        var appeal = await workflow.LoadAsync(number, ct);
        var earlier = await db.Appeals.Include(a => a.Questions).FirstOrDefaultAsync(a => a.RegistrationNumber == request.RegistrationNumber, ct)
            ?? throw AppValidationException.For("registrationNumber", Text.Get("appeal.notFound", request.RegistrationNumber));
        var now = time.GetUtcNow();
        string action;
        if (request.Kind == LinkKind.Duplicate)
        {
            // R9: a duplicate is the same applicant's same question while the earlier one is still open; it shares its deadline.
            if (!AppealStateMachine.IsOpen(earlier.Status))
                throw new RuleViolationException("duplicate.earlierClosed", Text.Get("link.duplicate.closed", earlier.RegistrationNumber));
            appeal.DuplicateOfId = earlier.Id;
            appeal.RepeatOfId = null;
            foreach (var q in appeal.Questions.Where(q => AppealStateMachine.IsOpen(q.Status)))
                q.DueAt = earlier.DueAt;
            action = "markedDuplicate";
        }
        else
        {
            // R9: a repeated appeal contests the decision on an earlier one or its delay and is considered in full.
            appeal.RepeatOfId = earlier.Id;
            appeal.DuplicateOfId = null;
            action = "markedRepeated";
        }
        Mark(appeal, actor, action, earlier.RegistrationNumber, isPublic: true, now);
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, $"{action} {earlier.RegistrationNumber}");
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, action, ct);
        return appeal;
    }

    public async Task<Appeal> MarkResonantAsync(string number, ResonantRequest request, Actor actor, CancellationToken ct)
    {
        EnsureOperatorOrHead(actor);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw AppValidationException.For("reason", Text.Get("field.required"));
        var appeal = await workflow.LoadAsync(number, ct);
        if (appeal.Resonant)
            return appeal;
        var now = time.GetUtcNow();
        appeal.Resonant = true;
        Mark(appeal, actor, "markedResonant", request.Reason.Trim(), isPublic: false, now);
        db.Add(new StaffNotification
        {
            At = now,
            RecipientRole = Identity.Roles.Supervisor,
            Kind = "resonant",
            RegistrationNumber = appeal.RegistrationNumber,
            Text = $"Резонансне звернення {appeal.RegistrationNumber}: {request.Reason.Trim()}",
        });
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, "resonant");
        await db.SaveChangesAsync(ct);
        // The head's screens subscribe to appeal events: a resonant appeal reaches them at once (F5.2).
        await events.PublishAsync(appeal, "markedResonant", ct);
        return appeal;
    }

    // Marks are the operator's or the head's (R9, F5.2); executors and leadership may not set them.
    private static void EnsureOperatorOrHead(Actor actor)
    {
        if (actor.ActorRole != ActorRole.Operator && !actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private void Mark(Appeal appeal, Actor actor, string action, string comment, bool isPublic, DateTimeOffset now)
    {
        AppealProjection.Touch(appeal, now);
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            At = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            Comment = comment,
            Public = isPublic,
        });
    }
}

public static class RelatedAppealsApi
{
    public static IEndpointRouteBuilder MapRelatedAppealsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/appeals").WithTags("Appeals").RequireAuthorization();
        group.MapGet("/{number}/related", async (string number, RelatedAppeals related, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await related.FindAsync(number, http.Actor(), ct)))
            .WithName("RelatedAppeals").WithSummary("Earlier appeals of the same applicant on the same category, and open appeals about the same place (R9).");
        group.MapPost("/{number}/link", async (string number, LinkRequest body, RelatedAppeals related, AppealQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await queries.ToViewAsync(await related.LinkAsync(number, body, http.Actor(), ct), http.Actor(), ct)))
            .WithName("LinkAppeal").WithSummary("Mark the appeal repeated or duplicate of an earlier one (R9); a duplicate shares the earlier deadline.");
        group.MapPost("/{number}/resonant", async (string number, ResonantRequest body, RelatedAppeals related, AppealQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await queries.ToViewAsync(await related.MarkResonantAsync(number, body, http.Actor(), ct), http.Actor(), ct)))
            .WithName("MarkResonant").WithSummary("Flag a resonant appeal (F5.2); the head's screens are told at once.");
        return app;
    }
}
