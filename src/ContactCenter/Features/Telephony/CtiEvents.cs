using System.Globalization;
using System.Text.Json;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Blocklist;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Telephony;

/// <summary>One CTI event as INTEGRATIONS.md defines it.</summary>
public sealed record CtiEvent(
    string? Event, string? CallId, string? Direction, string? From, string? To, string? User, string? Queue, string? Ivr,
    DateTimeOffset? At, string? Cause, string? Url, int? DurationSeconds);

/// <summary>
/// Applies CTI events to the call log. Each event is merged into the call (earliest start and answer, latest end),
/// so a repeat changes nothing and a late event lands where it belongs; the missed flag is derived after each merge.
/// </summary>
public sealed class CtiEventHandler(AppDbContext db, BlocklistService blocklist, IOptions<TelephonyOptions> options, TimeProvider time,
    CallPops pops, ILogger<CtiEventHandler> logger)
{
    public static readonly string[] Events = ["newCall", "answer", "hangup", "recording"];
    public static readonly string[] Causes = ["normalClearing", "busy", "cancel", "noAnswer", "congestion", "notFound", "forwarded"];

    public static readonly object Accept = new { };
    public static readonly object Reject = new { action = "reject", reason = "busy" };

    public async Task<object> HandleAsync(CtiEvent e, CancellationToken ct)
    {
        Validate(e);
        var direction = e.Direction switch { "in" => CallDirection.In, "out" => CallDirection.Out, _ => (CallDirection?)null };
        var reject = false;
        if (e.Event == "newCall" && direction == CallDirection.In)
            reject = await blocklist.IsBlockedAsync(BlockKind.Phone, e.From, ct);

        // Two events of a new call may race to insert it: the loser reloads and merges again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await MergeAsync(e, direction, reject, ct);
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                logger.LogDebug(ex, "CTI event for call {CallId} raced; merging again", e.CallId);
                db.ChangeTracker.Clear();
            }
        }
        // Screen pop (F2.1): the answering operator's console shows the caller.
        if (e.Event == "answer" && e.User is { Length: > 0 } user)
            await pops.AnsweredAsync(e.CallId!, user, ct);
        return reject ? Reject : Accept;
    }

    private async Task MergeAsync(CtiEvent e, CallDirection? direction, bool reject, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var at = e.At?.ToUniversalTime() ?? now;
        var call = await db.Set<Call>().Include(c => c.Appeals).FirstOrDefaultAsync(c => c.CallId == e.CallId, ct);
        if (call is null)
        {
            call = new Call { CallId = e.CallId! };
            db.Add(call);
        }
        call.Direction ??= direction;
        call.From ??= Number(e.From);
        call.To ??= Number(e.To);
        call.Phone = call.Direction == CallDirection.Out ? call.To : call.From;
        call.Queue ??= Trim(e.Queue, 100);
        call.Ivr ??= Trim(e.Ivr, 100);
        call.StartedAt = Min(call.StartedAt, at);
        if (reject)
            call.Rejected = true;
        switch (e.Event)
        {
            case "answer":
                call.AnsweredAt = Min(call.AnsweredAt, at);
                if (e.User is { Length: > 0 })
                    call.OperatorUser = Trim(e.User, 100);
                break;
            case "hangup":
                if (call.EndedAt is null || at >= call.EndedAt)
                {
                    call.EndedAt = at;
                    call.HangupCause = e.Cause ?? call.HangupCause;
                }
                break;
            case "recording":
                call.RecordingUrl = Trim(e.Url, 2000) ?? call.RecordingUrl;
                call.RecordingSeconds = e.DurationSeconds ?? call.RecordingSeconds;
                break;
        }
        call.Missed = call.Direction == CallDirection.In && call.EndedAt is not null && call.AnsweredAt is null
            && call.HangupCause != "forwarded" && !call.Rejected;
        if (call.Missed && call.Callback == CallbackState.None)
            call.Callback = CallbackState.Open;
        else if (!call.Missed && call.Callback == CallbackState.Open)
            call.Callback = CallbackState.None;
        if (e.Event is "hangup" or "recording")
            await LinkAppealsAsync(call, ct);

        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return; // a repeat: nothing to do
        call.UpdatedAt = now;
        call.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Appeals of this caller registered during the call or shortly after it belong to it (and to its recording).</summary>
    public async Task LinkAppealsAsync(Call call, CancellationToken ct)
    {
        if (call.Phone is null || call.StartedAt is null)
            return;
        var until = (call.EndedAt ?? call.StartedAt.Value).AddMinutes(options.Value.LinkAppealsMinutes);
        var from = call.StartedAt.Value;
        var ids = await db.Appeals.AsNoTracking()
            .Where(a => a.Applicant.Phone == call.Phone && a.RegisteredAt >= from && a.RegisteredAt <= until)
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids.Where(id => call.Appeals.All(l => l.AppealId != id)))
            call.Appeals.Add(new CallAppeal { CallId = call.Id, AppealId = id, LinkedAt = time.GetUtcNow() });
    }

    private static void Validate(CtiEvent e)
    {
        var errors = new ValidationErrors();
        if (e.Event is null || !Events.Contains(e.Event))
            errors.Add("event", Text.Get("cti.event.invalid"));
        if (string.IsNullOrWhiteSpace(e.CallId) || e.CallId.Length > 100)
            errors.Add("callId", Text.Get("field.required"));
        if (e.Direction is not (null or "in" or "out"))
            errors.Add("direction", Text.Get("cti.direction.invalid"));
        if (e.Cause is not null && !Causes.Contains(e.Cause))
            errors.Add("cause", Text.Get("cti.cause.invalid"));
        errors.ThrowIfAny();
    }

    /// <summary>E.164 when the PBX sent a valid number; an extension or a withheld number is kept as sent.</summary>
    public static string? Number(string? raw) => PhoneNormalizer.TryNormalize(raw) ?? Trim(raw, 64);

    private static string? Trim(string? s, int max) => s?.Trim() is { Length: > 0 } t ? (t.Length > max ? t[..max] : t) : null;

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    public static CtiEvent Parse(ReadOnlySpan<byte> body)
    {
        var json = JsonSerializer.Deserialize<CtiEvent>(body, Web) ?? throw new JsonException("empty body");
        return json;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString };

    internal static string Invariant(DateTimeOffset d) => d.ToString("O", CultureInfo.InvariantCulture);
}
