using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Telephony;

public sealed record CallbackView(CallbackState State, string? By, DateTimeOffset? ClaimedAt, DateTimeOffset? DoneAt);

public sealed record CallView(
    long Id, string CallId, CallDirection? Direction, string? From, string? To, string? Phone, string? Operator, string? Queue, string? Ivr,
    DateTimeOffset? StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? HangupCause, string? RecordingUrl, int? RecordingSeconds,
    bool Missed, bool Rejected, CallbackView Callback, IReadOnlyList<string> Appeals);

public sealed record OriginateRequest(string? Extension);

public sealed record LinkAppealRequest(string? RegistrationNumber);

public static class CallsApi
{
    public const string PbxHttpClient = "pbx";

    public static IEndpointRouteBuilder MapTelephonyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cti/events", async (HttpContext http, CtiEventHandler handler, IOptions<TelephonyOptions> options, CancellationToken ct) =>
        {
            var secret = options.Value.Secret;
            if (secret is not { Length: > 0 })
                return Results.Problem(statusCode: 503, title: Text.Get("cti.notConfigured"));
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            var body = buffer.ToArray();
            if (!CtiSignature.Verify(secret, body, http.Request.Headers[CtiSignature.Header]))
                return Results.Problem(statusCode: 401, title: Text.Get("cti.signature"));
            var e = CtiEventHandler.Parse(body);
            return Results.Json(await handler.HandleAsync(e, ct));
        }).AllowAnonymous().DisableAntiforgery().WithTags("Telephony").WithName("CtiEvent")
            .WithSummary("PBX → us: newCall, answer, hangup, recording. Signed: X-Signature = hex HMAC-SHA256 of the body. Answers {} or {\"action\":\"reject\",\"reason\":\"busy\"}.");

        var calls = app.MapGroup("/api/v1/calls").WithTags("Telephony").RequireAuthorization();

        calls.MapGet("", async (bool? missed, string? phone, int? limit, string? format, AppDbContext db, AuditLog audit, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var f = Reports.AnalyticsExport.Parse(format);
            var q = db.Set<Call>().AsNoTracking();
            if (missed == true)
                q = q.Where(c => c.Missed && c.Callback != CallbackState.Done);
            if (phone is { Length: > 0 })
            {
                var normalized = CtiEventHandler.Number(phone);
                q = q.Where(c => c.Phone == normalized);
            }
            q = missed == true ? q.OrderBy(c => c.StartedAt).ThenBy(c => c.Id) : q.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id);
            var rows = await q.Take(Math.Clamp(limit ?? 200, 1, 1000)).ToListAsync(ct);
            var what = missed == true ? "call-back queue" : phone is { Length: > 0 } ? "by phone" : "call log";
            await audit.RecordReadAsync(actor, "calls", null, f == Infrastructure.Export.ExportFormat.Json ? what : $"{what}; {f.ToString().ToLowerInvariant()}", ct);
            var views = await ViewsAsync(db, rows, ct);
            return f == Infrastructure.Export.ExportFormat.Json ? Results.Ok(views) : Reports.ListExports.Calls(f, views, time.GetUtcNow());
        }).WithName("ListCalls").WithSummary("The call log, newest first; ?missed=true is the call-back queue (oldest first); ?phone= in any common form; format=csv|xlsx for a file.")
        .Produces<IReadOnlyList<CallView>>();

        calls.MapPost("/{id:long}/claim", async (long id, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var call = await LoadAsync(db, id, ct);
            if (!call.Missed)
                throw new ConflictException(Text.Get("call.notMissed"));
            if (call.Callback == CallbackState.Done || (call.Callback == CallbackState.Claimed && call.CallbackUserName != actor.Name))
                throw new ConflictException(Text.Get("call.claimed"));
            call.Callback = CallbackState.Claimed;
            call.CallbackUserId = actor.UserId;
            call.CallbackUserName = actor.Name;
            call.CallbackClaimedAt ??= time.GetUtcNow();
            call.Version++;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok((await ViewsAsync(db, [call], ct))[0]);
        }).WithName("ClaimCallback").WithSummary("An operator takes a missed call to call back; 409 when another already has it.");

        calls.MapPost("/{id:long}/done", async (long id, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var call = await LoadAsync(db, id, ct);
            if (!call.Missed)
                throw new ConflictException(Text.Get("call.notMissed"));
            if (call.Callback == CallbackState.Claimed && call.CallbackUserName != actor.Name && !actor.IsSupervisorOrAdmin)
                throw new ConflictException(Text.Get("call.claimed"));
            call.Callback = CallbackState.Done;
            call.CallbackUserId ??= actor.UserId;
            call.CallbackUserName ??= actor.Name;
            call.CallbackDoneAt = time.GetUtcNow();
            call.Version++;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok((await ViewsAsync(db, [call], ct))[0]);
        }).WithName("CompleteCallback").WithSummary("The missed call has been called back: it leaves the queue.");

        calls.MapPost("/{id:long}/callback", async (long id, OriginateRequest body, AppDbContext db, IHttpClientFactory httpFactory,
            IOptions<TelephonyOptions> options, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var o = options.Value;
            if (o.OriginateUrlTemplate is not { Length: > 0 } template || o.Secret is not { Length: > 0 } secret)
                return Results.Problem(statusCode: 503, title: Text.Get("cti.notConfigured"));
            if (string.IsNullOrWhiteSpace(body.Extension))
                throw AppValidationException.For("extension", Text.Get("field.required"));
            var call = await LoadAsync(db, id, ct);
            if (call.Phone is null)
                throw new ConflictException(Text.Get("call.noNumber"));
            if (call.Missed && call.Callback == CallbackState.Claimed && call.CallbackUserName != actor.Name)
                throw new ConflictException(Text.Get("call.claimed"));
            var url = template.Replace("{extension}", Uri.EscapeDataString(body.Extension.Trim()))
                .Replace("{number}", Uri.EscapeDataString(call.Phone))
                .Replace("{callId}", Uri.EscapeDataString(call.CallId));
            var payload = JsonSerializer.SerializeToUtf8Bytes(new { from = body.Extension.Trim(), to = call.Phone, callbackOf = call.CallId });
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation(CtiSignature.Header, "sha256=" + CtiSignature.Sign(secret, payload));
            using var response = await httpFactory.CreateClient(PbxHttpClient).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                return Results.Problem(statusCode: 502, title: Text.Get("cti.originateFailed"), detail: $"PBX: {(int)response.StatusCode}");
            if (call.Missed && call.Callback == CallbackState.Open)
            {
                call.Callback = CallbackState.Claimed;
                call.CallbackUserId = actor.UserId;
                call.CallbackUserName = actor.Name;
                call.CallbackClaimedAt = time.GetUtcNow();
                call.Version++;
                await db.SaveChangesAsync(ct);
            }
            return Results.Accepted(value: new { status = "originated", to = call.Phone });
        }).WithName("ClickToCall").WithSummary("Click-to-call: asks the PBX to ring the operator's extension and then the caller.");

        calls.MapPost("/{id:long}/appeals", async (long id, LinkAppealRequest body, AppDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            Ensure(actor);
            var call = await LoadAsync(db, id, ct);
            var appealId = await db.Appeals.Where(a => a.RegistrationNumber == body.RegistrationNumber).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException(Text.Get("appeal.notFound", body.RegistrationNumber));
            if (call.Appeals.All(a => a.AppealId != appealId))
            {
                call.Appeals.Add(new CallAppeal { CallId = call.Id, AppealId = appealId, LinkedAt = time.GetUtcNow() });
                await db.SaveChangesAsync(ct);
            }
            return TypedResults.Ok((await ViewsAsync(db, [call], ct))[0]);
        }).WithName("LinkCallAppeal").WithSummary("Links an appeal registered during this call (its recording belongs to it too).");

        app.MapGet("/api/v1/appeals/{number}/calls", async (string number, AppDbContext db, AppealAccess access, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.Actor();
            var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.RegistrationNumber == number, ct) ?? throw new NotFoundException(Text.Get("appeal.notFound", number));
            await access.EnsureCanReadAsync(appeal, actor, ct);
            Ensure(actor);
            var rows = await db.Set<Call>().AsNoTracking().Where(c => c.Appeals.Any(a => a.AppealId == appeal.Id)).OrderBy(c => c.StartedAt).ToListAsync(ct);
            return TypedResults.Ok(await ViewsAsync(db, rows, ct));
        }).WithTags("Telephony").RequireAuthorization().WithName("ListAppealCalls").WithSummary("Calls linked to the appeal, with their recordings.");
        return app;
    }

    private static void Ensure(Actor actor)
    {
        if (actor.Role is not (Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static async Task<Call> LoadAsync(AppDbContext db, long id, CancellationToken ct) =>
        await db.Set<Call>().Include(c => c.Appeals).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("call.notFound", id));

    private static async Task<List<CallView>> ViewsAsync(AppDbContext db, IReadOnlyList<Call> calls, CancellationToken ct)
    {
        var ids = calls.Select(c => c.Id).ToList();
        var links = await db.Set<CallAppeal>().AsNoTracking().Where(l => ids.Contains(l.CallId))
            .Join(db.Appeals, l => l.AppealId, a => a.Id, (l, a) => new { l.CallId, a.RegistrationNumber }).ToListAsync(ct);
        return calls.Select(c => new CallView(c.Id, c.CallId, c.Direction, c.From, c.To, c.Phone, c.OperatorUser, c.Queue, c.Ivr,
            c.StartedAt, c.AnsweredAt, c.EndedAt, c.HangupCause, c.RecordingUrl, c.RecordingSeconds, c.Missed, c.Rejected,
            new CallbackView(c.Callback, c.CallbackUserName, c.CallbackClaimedAt, c.CallbackDoneAt),
            links.Where(l => l.CallId == c.Id).Select(l => l.RegistrationNumber).ToList())).ToList();
    }
}
