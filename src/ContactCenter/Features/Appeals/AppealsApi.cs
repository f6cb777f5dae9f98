using System.Globalization;
using System.Text;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContactCenter.Features.Appeals;

public static class AppealsApi
{
    public static IEndpointRouteBuilder MapAppealsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/appeals").WithTags("Appeals").RequireAuthorization();

        group.MapPost("/", async Task<Results<Created<AppealView>, Ok<AppealView>>> (
            RegisterAppealRequest request, RegisterAppeal register, AppealQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            var outcome = await register.HandleAsync(request, actor, ct);
            var view = await queries.ToViewAsync(outcome.Appeal.Questions.Count > 0 ? outcome.Appeal : await Reload(http, outcome.Appeal.RegistrationNumber, ct), actor, ct);
            return outcome.Created
                ? TypedResults.Created($"/api/v1/appeals/{Uri.EscapeDataString(view.RegistrationNumber)}", view)
                : TypedResults.Ok(view);
        })
        .WithName("RegisterAppeal")
        .WithSummary("Register an appeal (201); a repeated externalId returns the card already registered (200).")
        .ProducesValidationProblem();

        group.MapGet("/", async Task<IResult> (
            [AsParameters] SearchParameters p, AppealQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var search = p.ToSearch();
            var format = Infrastructure.Export.TableExport.ParseFormat(p.Format, Infrastructure.Export.ExportFormat.Json,
                Infrastructure.Export.ExportFormat.Csv, Infrastructure.Export.ExportFormat.Xlsx);
            if (format != Infrastructure.Export.ExportFormat.Json)
                return Features.Reports.AppealListExport.Result(format, search, queries, http, ct);
            return TypedResults.Ok(await queries.SearchAsync(search, http.Actor(), ct));
        })
        .WithName("SearchAppeals")
        .WithSummary("Search appeals with filters and paging; format=csv|xlsx exports the whole result (hidden identities masked).")
        .Produces<PagedResult<AppealListItem>>();

        group.MapGet("/{number}", async (string number, AppealQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(number, http.Actor(), ct)))
            .WithName("GetAppeal").WithSummary("One appeal card.");

        group.MapGet("/{number}/history", async (string number, AppealQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await queries.HistoryAsync(number, http.Actor(), ct)))
            .WithName("GetAppealHistory").WithSummary("The appeal's timeline.");

        group.MapPost("/{number}/assign", (string number, int? question, AssignRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.AssignAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("AssignAppeal").WithSummary("Assign (or reassign) a question to an executor; the executor may name its staff member.");

        group.MapPost("/{number}/accept", (string number, int? question, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.AcceptAsync(number, question, http.Actor(), ct), q, http, ct))
            .WithName("AcceptAppeal").WithSummary("The executor accepts the question: competence confirmed.");

        group.MapPost("/{number}/result", (string number, int? question, ResultRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.ReportResultAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("ReportResult").WithSummary("The executor reports the result; verification follows.");

        group.MapPost("/{number}/verification", (string number, int? question, VerificationRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.VerifyAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("VerifyResult").WithSummary("The applicant's answer: confirmed closes, not confirmed returns for rework.");

        group.MapPost("/{number}/answer", (string number, int? question, AnswerRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.AnswerAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("AnswerAppeal").WithSummary("The operator answered directly (explained) and closes the question.");

        group.MapPost("/{number}/forward", (string number, int? question, ForwardRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.ForwardAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("ForwardAppeal").WithSummary("Out of competence: forwarded to the competent body (R6).");

        group.MapPost("/{number}/reject", (string number, int? question, RejectRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.RejectAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("RejectAppeal").WithSummary("Reasoned refusal with its legal basis and the way to appeal it (R5).");

        group.MapPost("/{number}/terminate", (string number, int? question, TerminateRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.TerminateAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("TerminateAppeal").WithSummary("The head's decision: the same question was already resolved on the merits (R9).");

        group.MapPost("/{number}/return", (string number, int? question, ReturnRequest body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.ReturnToApplicantAsync(number, question, body, http.Actor(), ct), q, http, ct))
            .WithName("ReturnAppeal").WithSummary("Return to the applicant: required data is missing (R2).");

        group.MapPost("/{number}/resume", (string number, int? question, ReasonRequest? body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.ResumeAsync(number, question, body ?? new ReasonRequest(null), http.Actor(), ct), q, http, ct))
            .WithName("ResumeAppeal").WithSummary("The executor takes deferred work up again.");

        group.MapPost("/{number}/close-unverified", (string number, int? question, ReasonRequest? body, AppealWorkflow w, AppealQueries q, HttpContext http, CancellationToken ct) =>
            Respond(w.CloseUnverifiedAsync(number, question, body ?? new ReasonRequest(null), http.Actor(), ct), q, http, ct))
            .WithName("CloseUnverified").WithSummary("No answer from the applicant: closed as not verified (F6.3).");

        group.MapPost("/{number}/comments", async (string number, int? question, CommentRequest body, AppealWorkflow w, HttpContext http, CancellationToken ct) =>
        {
            var c = await w.CommentAsync(number, question, body, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/appeals/{Uri.EscapeDataString(number)}/history", new CommentView(c.Id, c.At, c.AuthorName, c.Text, c.Public, c.QuestionNumber));
        })
        .WithName("CommentAppeal").WithSummary("A comment, internal or visible to the applicant.");

        group.MapPost("/{number}/attachments", async (string number, int? question, IFormFile? file, [FromForm] bool? evidence, AttachmentStore store, HttpContext http, CancellationToken ct) =>
        {
            var a = await store.AddAsync(number, question, file, evidence ?? false, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/appeals/{Uri.EscapeDataString(number)}/attachments/{a.Id}", ToView(a));
        })
        .DisableAntiforgery()
        .WithName("AttachToAppeal").WithSummary("Upload a photo or document (multipart, field 'file'; 'evidence=true' for proof of the result).");

        group.MapGet("/{number}/attachments", async (string number, AttachmentStore store, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(number, http.Actor(), ct)).Select(ToView).ToList()))
            .WithName("ListAttachments");

        group.MapGet("/{number}/attachments/{id:long}", async (string number, long id, AttachmentStore store, HttpContext http, CancellationToken ct) =>
        {
            var (meta, data) = await store.GetAsync(number, id, http.Actor(), ct);
            return TypedResults.File(data, meta.ContentType, meta.FileName);
        })
        .WithName("GetAttachment");

        group.MapPost("/{number}/requests", async (string number, int? question, ExecutorRequestInput body, AppealWorkflow w, HttpContext http, CancellationToken ct) =>
        {
            var r = await w.CreateRequestAsync(number, question, body, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/requests/{r.Id}", new { id = r.Id, status = r.Status });
        })
        .WithName("CreateExecutorRequest").WithSummary("An executor's request: reassign, extend, defer or additional control.");

        var requests = app.MapGroup("/api/v1/requests").WithTags("Appeals").RequireAuthorization();
        requests.MapGet("/", async (string? status, ExecutorRequestQueries q, HttpContext http, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var parsed = QueryEnum.Parse<ExecutorRequestStatus>(status, "status", errors);
            errors.ThrowIfAny();
            return TypedResults.Ok(await q.ListAsync(parsed ?? ExecutorRequestStatus.Pending, http.Actor(), ct));
        })
            .WithName("ListExecutorRequests").WithSummary("Executor requests; pending ones form the supervisor's approvals queue.");
        requests.MapPost("/{id:long}/approve", async (long id, DecisionRequest? body, AppealWorkflow w, ExecutorRequestQueries q, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await q.ToViewAsync(await w.DecideAsync(id, true, body ?? new DecisionRequest(null, null), http.Actor(), ct), ct)))
            .WithName("ApproveExecutorRequest");
        requests.MapPost("/{id:long}/decline", async (long id, DecisionRequest? body, AppealWorkflow w, ExecutorRequestQueries q, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await q.ToViewAsync(await w.DecideAsync(id, false, body ?? new DecisionRequest(null, null), http.Actor(), ct), ct)))
            .WithName("DeclineExecutorRequest");
        return app;
    }

    // Status and channel arrive as strings: minimal APIs bind enums in the query with a case-sensitive
    // Enum.TryParse, which refuses the camelCase names API.md promises (?status=inProgress).
    public sealed record SearchParameters(
        string? Status, int? ExecutorId, string? CategoryCode, string? Channel, bool? Overdue, string? Phone, string? Q,
        DateTimeOffset? ReceivedFrom, DateTimeOffset? ReceivedTo, int? Page, int? PageSize, string? Format,
        int? District = null, bool? Repeated = null, bool? Rework = null, string? Sort = null, bool? DueToday = null,
        bool? Open = null, bool? Reworked = null,
        DateTimeOffset? ClosedFrom = null, DateTimeOffset? ClosedTo = null, bool? Closed = null, bool? ClosedOnTime = null, int? Rating = null,
        bool? Rated = null, bool? SameQuestion = null)
    {
        public AppealSearch ToSearch()
        {
            var errors = new ValidationErrors();
            var status = QueryEnum.Parse<AppealStatus>(Status, "status", errors);
            var channel = QueryEnum.Parse<Channel>(Channel, "channel", errors);
            errors.ThrowIfAny();
            return new(status, ExecutorId, CategoryCode, channel, Overdue, Phone, Q, ReceivedFrom, ReceivedTo, Page ?? 1, PageSize ?? 20,
                District, Repeated, Rework, Sort, DueToday: DueToday, Open: Open, Reworked: Reworked,
                ClosedFrom: ClosedFrom, ClosedTo: ClosedTo, Closed: Closed, ClosedOnTime: ClosedOnTime, Rating: Rating, Rated: Rated, SameQuestion: SameQuestion);
        }
    }

    private static async Task<Ok<AppealView>> Respond(Task<Appeal> work, AppealQueries queries, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await queries.ToViewAsync(await work, http.Actor(), ct));

    private static async Task<Appeal> Reload(HttpContext http, string number, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<AppealWorkflow>().LoadAsync(number, ct);

    private static AttachmentView ToView(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedByName, a.Evidence, a.QuestionNumber);
}
