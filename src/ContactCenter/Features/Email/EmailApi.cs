using System.Security.Cryptography;
using System.Text;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Email;

public sealed record EmailFileView(long Id, string FileName, string ContentType, int Size);

public sealed record EmailDraftView(long Id, string? From, string? FromName, string Subject, string Text, DateTimeOffset ReceivedAt,
    InboundEmailOutcome Outcome, string? RegistrationNumber, IReadOnlyList<EmailFileView> Attachments);

public static class EmailApi
{
    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/email").WithTags("E-mail").RequireAuthorization();

        group.MapGet("/drafts", async (AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            Ensure(http.Actor());
            var rows = await db.Set<InboundEmail>().AsNoTracking().Where(e => e.Outcome == InboundEmailOutcome.Draft)
                .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Take(500)
                .Select(e => new EmailDraftView(e.Id, e.FromAddress, e.FromName, e.Subject, e.Text, e.ReceivedAt, e.Outcome, e.RegistrationNumber,
                    e.Attachments.Select(a => new EmailFileView(a.Id, a.FileName, a.ContentType, a.Data.Length)).ToList()))
                .ToListAsync(ct);
            return TypedResults.Ok(rows);
        }).WithName("ListEmailDrafts").WithSummary("E-mails waiting for an operator to complete them into appeals, oldest first.");

        group.MapPost("/drafts/{id:long}/register", async (long id, RegisterAppealRequest request, AppDbContext db, RegisterAppeal register,
            AppealQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var draft = await db.Set<InboundEmail>().Include(e => e.Attachments).FirstOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new NotFoundException(Text.Get("email.draft.notFound", id));
            if (draft.Outcome is not (InboundEmailOutcome.Draft or InboundEmailOutcome.Registered))
                throw new ConflictException(Text.Get("email.draft.notDraft"));
            // The external id makes completing a draft idempotent: a retry after a failure returns the same card.
            var externalId = "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.MessageId)))[..40];
            var outcome = await register.HandleAsync(request with
            {
                Channel = Channel.Email,
                Form = AppealForm.Electronic,
                ReceivedAt = draft.ReceivedAt,
                ExternalId = externalId,
                Description = request.Description ?? (request.Questions is { Count: > 0 } ? null : draft.Text),
            }, actor, ct);
            var appeal = outcome.Appeal;
            if (draft.Outcome == InboundEmailOutcome.Draft)
            {
                foreach (var f in draft.Attachments)
                {
                    db.Attachments.Add(new Attachment
                    {
                        AppealId = appeal.Id,
                        FileName = f.FileName,
                        ContentType = f.ContentType,
                        Size = f.Data.Length,
                        UploadedAt = time.GetUtcNow(),
                        UploadedByUserId = actor.UserId,
                        UploadedByName = "e-mail: " + (draft.FromAddress ?? "?"),
                        Content = new AttachmentContent { Data = f.Data },
                    });
                }
                draft.Outcome = InboundEmailOutcome.Registered;
                draft.AppealId = appeal.Id;
                draft.RegistrationNumber = appeal.RegistrationNumber;
                draft.ProcessedByName = actor.Name;
                await db.SaveChangesAsync(ct);
            }
            var view = await queries.GetAsync(appeal.RegistrationNumber, actor, ct);
            return TypedResults.Created($"/api/v1/appeals/{Uri.EscapeDataString(view.RegistrationNumber)}", view);
        }).WithName("RegisterEmailDraft").WithSummary("An operator completes an e-mail draft into an appeal; its attachments move to the card.");
        return app;
    }

    private static void Ensure(Actor actor)
    {
        if (actor.Role is not (Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }
}
