using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Email;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Control;

/// <summary>A hate-speech term (F5.4) edited by a supervisor or administrator; matched at the start of a word, any case.</summary>
public sealed class ScreeningTerm
{
    public int Id { get; set; }
    public required string Term { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string AuthorName { get; set; }
}

public enum HeldIntakeStatus { Held, Released, Discarded }

/// <summary>An incoming text held for an operator's review instead of being registered (F5.4).</summary>
public sealed class HeldIntake
{
    public long Id { get; set; }
    /// <summary>portal, email, telegram …</summary>
    public required string Source { get; set; }
    /// <summary>The source's own id: the e-mail's Message-ID, the bot's message id.</summary>
    public string? SourceRef { get; set; }
    public Channel Channel { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? TelegramId { get; set; }
    public required string Text { get; set; }
    public required string MatchedTerms { get; set; }
    /// <summary>The registration request to replay on release (portal, bot); null for e-mail, which becomes a draft.</summary>
    public string? RequestJson { get; set; }
    public HeldIntakeStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionReason { get; set; }
    public string? RegistrationNumber { get; set; }
    /// <summary>Photos and documents that came with the text: attached to the appeal on release, deleted on discard.</summary>
    public List<HeldIntakeFile> Files { get; set; } = [];
}

/// <summary>A file of a held submission, kept in the database like appeal attachments so every instance sees it.</summary>
public sealed class HeldIntakeFile
{
    public long Id { get; set; }
    public long HeldIntakeId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary>A file a channel received with a submission (already checked by content by that channel).</summary>
public sealed record IntakeFile(string FileName, string ContentType, byte[] Data);

public enum ScreeningVerdict { Allow, Refuse, Hold }

/// <summary>What a channel hands to <see cref="IntakeScreening.ScreenAsync"/>: the contacts, the text and what to register on release.</summary>
public sealed record IntakeCandidate(
    string Source,
    Channel Channel,
    string? FullName,
    string? Phone,
    string? Email,
    string? TelegramId,
    string? Text,
    RegisterAppealRequest? Request = null,
    string? SourceRef = null,
    IReadOnlyList<IntakeFile>? Files = null);

/// <param name="Verdict">Allow: register as usual. Refuse: a blocked contact, refuse politely, store nothing. Hold: stored for review.</param>
/// <param name="MatchedTerms">The terms found (Hold).</param>
/// <param name="HeldId">The stored item (Hold; 0 until saved when <c>save</c> was false).</param>
public sealed record ScreeningResult(ScreeningVerdict Verdict, IReadOnlyList<string> MatchedTerms, long? HeldId)
{
    public static readonly ScreeningResult Allowed = new(ScreeningVerdict.Allow, [], null);
}

public sealed record HeldIntakeView(
    long Id, string Source, Channel Channel, DateTimeOffset ReceivedAt, string? FullName, string? Phone, string? Email, string? TelegramId,
    string Text, string MatchedTerms, HeldIntakeStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, string? RegistrationNumber,
    IReadOnlyList<HeldFileView>? Files = null);

public sealed record HeldFileView(long Id, string FileName, string ContentType, long Size);

public sealed record ScreeningTermView(int Id, string Term, DateTimeOffset CreatedAt, string Author);

public sealed record ScreeningTermInput(string? Term);

public sealed record HeldDecisionInput(string? Reason);

/// <summary>
/// The one gate every intake channel passes before registering (F5.4): a blocked phone, e-mail or Telegram id is
/// refused; a text with a hate-speech term is held for an operator, who releases it (registered as usual, or for
/// e-mail put back among the drafts) or discards it with a reason. Terms come from configuration
/// (<see cref="ControlOptions.HoldTerms"/>) and from the <c>screening_terms</c> table edited in the console.
/// </summary>
public sealed class IntakeScreening(
    AppDbContext db,
    BlocklistService blocklist,
    RegisterAppeal register,
    AttachmentStore attachments,
    AuditLog audit,
    IOptions<ControlOptions> options,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Blocklist first (refuse), then the terms (hold). Stores nothing.</summary>
    public async Task<(ScreeningVerdict Verdict, IReadOnlyList<string> Terms)> CheckAsync(string? phone, string? email, string? telegramId, string? text, CancellationToken ct)
    {
        if (await blocklist.IsBlockedAsync(BlockKind.Phone, phone, ct)
            || await blocklist.IsBlockedAsync(BlockKind.Email, email, ct)
            || await blocklist.IsBlockedAsync(BlockKind.Telegram, telegramId, ct))
            return (ScreeningVerdict.Refuse, []);
        var found = Match(await TermsAsync(ct), text);
        return found.Count > 0 ? (ScreeningVerdict.Hold, found) : (ScreeningVerdict.Allow, []);
    }

    /// <summary>
    /// Checks the candidate; on Hold adds a <see cref="HeldIntake"/> to the context and, when <paramref name="save"/>,
    /// saves it (a channel that commits its own row in the same transaction, like e-mail intake, passes false).
    /// </summary>
    public async Task<ScreeningResult> ScreenAsync(IntakeCandidate candidate, bool save, CancellationToken ct)
    {
        var text = candidate.Text ?? candidate.Request?.Description;
        var (verdict, terms) = await CheckAsync(candidate.Phone, candidate.Email, candidate.TelegramId, text, ct);
        if (verdict != ScreeningVerdict.Hold)
            return new ScreeningResult(verdict, terms, null);
        var held = new HeldIntake
        {
            Source = Cut(candidate.Source, 32)!,
            SourceRef = Cut(candidate.SourceRef, 500),
            Channel = candidate.Channel,
            ReceivedAt = time.GetUtcNow(),
            FullName = Cut(candidate.FullName, 300),
            Phone = Cut(Core.Phones.PhoneNormalizer.TryNormalize(candidate.Phone) ?? candidate.Phone, 20),
            Email = Cut(candidate.Email?.Trim(), 254),
            TelegramId = Cut(candidate.TelegramId, 32),
            Text = Cut(text ?? "", 10000)!,
            MatchedTerms = Cut(string.Join(", ", terms), 500)!,
            RequestJson = candidate.Request is null ? null : JsonSerializer.Serialize(candidate.Request, Json),
            Status = HeldIntakeStatus.Held,
        };
        foreach (var f in candidate.Files ?? [])
        {
            var name = Path.GetFileName(f.FileName);
            held.Files.Add(new HeldIntakeFile
            {
                FileName = string.IsNullOrWhiteSpace(name) ? "file" : name.Length > 200 ? name[^200..] : name,
                ContentType = Cut(f.ContentType, 100)!,
                Size = f.Data.Length,
                Data = f.Data,
            });
        }
        db.Add(held);
        if (save)
            await db.SaveChangesAsync(ct);
        return new ScreeningResult(ScreeningVerdict.Hold, terms, held.Id);
    }

    /// <summary>Uploaded form files as <see cref="IntakeFile"/>s, typed by content; files of an unknown type are left out.</summary>
    public static async Task<List<IntakeFile>> FilesOfAsync(IEnumerable<IFormFile> files, CancellationToken ct)
    {
        var result = new List<IntakeFile>();
        foreach (var f in files.Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream((int)f.Length);
            await f.CopyToAsync(buffer, ct);
            var data = buffer.ToArray();
            if (FileSignatures.Detect(data, f.FileName) is { } type)
                result.Add(new IntakeFile(f.FileName, type, data));
        }
        return result;
    }

    /// <summary>The terms found in the text: each term at the start of a word, so inflected forms match too.</summary>
    public static IReadOnlyList<string> Match(IEnumerable<string> terms, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var normalized = Normalize(text);
        var found = new List<string>();
        foreach (var term in terms)
        {
            var t = Normalize(term).Trim();
            if (t.Length == 0 || found.Contains(t))
                continue;
            if (Regex.IsMatch(normalized, @"(?<![\p{L}\p{N}])" + Regex.Escape(t), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                found.Add(t);
        }
        return found;
    }

    // Apostrophes come in several shapes in Ukrainian texts; one form makes «м'який» match «м’який».
    private static string Normalize(string s) => s.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'').Replace('ʼ', '\'').Replace('`', '\'');

    public async Task<IReadOnlyList<string>> TermsAsync(CancellationToken ct)
    {
        var stored = await db.Set<ScreeningTerm>().AsNoTracking().Select(t => t.Term).ToListAsync(ct);
        return options.Value.HoldTerms.Concat(stored).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<List<HeldIntakeView>> ListAsync(Actor actor, bool all, CancellationToken ct)
    {
        EnsureOperator(actor);
        var rows = await db.Set<HeldIntake>().AsNoTracking()
            .Where(h => all || h.Status == HeldIntakeStatus.Held)
            .OrderBy(h => h.Status).ThenBy(h => h.ReceivedAt).ThenBy(h => h.Id)
            .Take(500).ToListAsync(ct);
        var ids = rows.Select(h => h.Id).ToList();
        var files = (await db.Set<HeldIntakeFile>().AsNoTracking().Where(f => ids.Contains(f.HeldIntakeId)).OrderBy(f => f.Id)
                .Select(f => new { f.HeldIntakeId, View = new HeldFileView(f.Id, f.FileName, f.ContentType, f.Size) }).ToListAsync(ct))
            .ToLookup(f => f.HeldIntakeId, f => f.View);
        audit.Add(actor, "read", "heldIntake", null, $"{rows.Count} items");
        await db.SaveChangesAsync(ct);
        return rows.Select(h => View(h) with { Files = files[h.Id].ToList() }).ToList();
    }

    /// <summary>
    /// Releases a held item: the stored request is registered by the operator (portal, bot), or an e-mail goes back
    /// to the drafts an operator completes. Claimed by a conditional update: two operators never release it twice.
    /// </summary>
    public async Task<HeldIntakeView> ReleaseAsync(long id, Actor actor, CancellationToken ct)
    {
        EnsureOperator(actor);
        var pending = await db.Set<HeldIntake>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("held.notFound", id));
        if (pending.Status != HeldIntakeStatus.Held)
            throw new ConflictException(Text.Get("held.decided"));
        string? number = null;
        if (pending.RequestJson is { } json)
        {
            // Registered first, with an external id, so a release that races another one registers the appeal once.
            var request = JsonSerializer.Deserialize<RegisterAppealRequest>(json, Json)!;
            var outcome = await register.HandleAsync(request with { ExternalId = request.ExternalId ?? "held:" + id.ToString(CultureInfo.InvariantCulture) }, actor, ct);
            if (outcome.Created && outcome.Appeal.Channel == Channel.Web && outcome.Appeal.TrackingToken is null)
            {
                outcome.Appeal.TrackingToken = Portal.PortalService.NewToken();
                await db.SaveChangesAsync(ct);
            }
            number = outcome.Appeal.RegistrationNumber;
        }
        // The claim, the files moving to the appeal and the item's end commit together: a crash in between leaves the
        // item held with its files, and a second release finds the appeal registered (by its external id) and attaches them.
        var held = await InTransactionAsync(async () =>
        {
            var claimed = await ClaimAsync(id, HeldIntakeStatus.Released, actor, null, ct);
            if (number is not null)
            {
                var files = await db.Set<HeldIntakeFile>().AsNoTracking().Where(f => f.HeldIntakeId == id).OrderBy(f => f.Id).ToListAsync(ct);
                foreach (var f in files)
                {
                    using var stream = new MemoryStream(f.Data);
                    var form = new FormFile(stream, 0, f.Data.Length, "file", f.FileName) { Headers = new HeaderDictionary(), ContentType = f.ContentType };
                    await attachments.AddAsync(number, null, form, false, actor, ct);
                }
                await db.Set<HeldIntakeFile>().Where(f => f.HeldIntakeId == id).ExecuteDeleteAsync(ct);
                await db.Set<HeldIntake>().Where(h => h.Id == id).ExecuteUpdateAsync(u => u.SetProperty(h => h.RegistrationNumber, number), ct);
                claimed.RegistrationNumber = number;
            }
            if (claimed.Source == "email" && claimed.SourceRef is { } messageId)
            {
                await db.Set<InboundEmail>().Where(e => e.MessageId == messageId && e.Outcome == InboundEmailOutcome.Held)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Outcome, InboundEmailOutcome.Draft), ct);
            }
            return claimed;
        }, ct);
        return View(held);
    }

    public async Task<HeldIntakeView> DiscardAsync(long id, HeldDecisionInput input, Actor actor, CancellationToken ct)
    {
        EnsureOperator(actor);
        if (string.IsNullOrWhiteSpace(input.Reason))
            throw AppValidationException.For("reason", Text.Get("field.required"));
        if (input.Reason.Length > 2000)
            throw AppValidationException.For("reason", Text.Get("field.tooLong", 2000));
        var held = await InTransactionAsync(async () =>
        {
            var claimed = await ClaimAsync(id, HeldIntakeStatus.Discarded, actor, input.Reason.Trim(), ct);
            // A discarded submission keeps no photos: nothing of it is registered.
            await db.Set<HeldIntakeFile>().Where(f => f.HeldIntakeId == id).ExecuteDeleteAsync(ct);
            if (claimed.Source == "email" && claimed.SourceRef is { } messageId)
            {
                await db.Set<InboundEmail>().Where(e => e.MessageId == messageId && e.Outcome == InboundEmailOutcome.Held)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Outcome, InboundEmailOutcome.Blocked), ct);
            }
            return claimed;
        }, ct);
        return View(held);
    }

    /// <summary>A held item's file for the operator's review (the same roles as the list; the read is audited).</summary>
    public async Task<HeldIntakeFile> FileAsync(long id, long fileId, Actor actor, CancellationToken ct)
    {
        EnsureOperator(actor);
        var file = await db.Set<HeldIntakeFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.HeldIntakeId == id, ct)
            ?? throw new NotFoundException(Text.Get("error.notFound"));
        await audit.RecordReadAsync(actor, "heldIntakeFile", id.ToString(CultureInfo.InvariantCulture), file.FileName, ct);
        return file;
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        });

    private async Task<HeldIntake> ClaimAsync(long id, HeldIntakeStatus to, Actor actor, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Set<HeldIntake>().Where(h => h.Id == id && h.Status == HeldIntakeStatus.Held)
            .ExecuteUpdateAsync(u => u
                .SetProperty(h => h.Status, to)
                .SetProperty(h => h.DecidedAt, now)
                .SetProperty(h => h.DecidedByName, actor.Name)
                .SetProperty(h => h.DecisionReason, reason), ct);
        var held = await db.Set<HeldIntake>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("held.notFound", id));
        if (claimed == 0)
            throw new ConflictException(Text.Get("held.decided"));
        audit.Add(actor, "update", "heldIntake", id.ToString(CultureInfo.InvariantCulture), to.ToString());
        await db.SaveChangesAsync(ct);
        return held;
    }

    public async Task<List<ScreeningTermView>> ListTermsAsync(Actor actor, CancellationToken ct)
    {
        EnsureSupervisor(actor);
        var configured = options.Value.HoldTerms.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => new ScreeningTermView(0, t.Trim(), default, "configuration"));
        var stored = (await db.Set<ScreeningTerm>().AsNoTracking().OrderBy(t => t.Term).ToListAsync(ct))
            .Select(t => new ScreeningTermView(t.Id, t.Term, t.CreatedAt, t.AuthorName));
        return configured.Concat(stored).ToList();
    }

    public async Task<ScreeningTermView> AddTermAsync(ScreeningTermInput input, Actor actor, CancellationToken ct)
    {
        EnsureSupervisor(actor);
        var term = input.Term?.Trim().ToLower(CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(term) || term.Length < 2)
            throw AppValidationException.For("term", Text.Get("screening.term.invalid"));
        if (term.Length > 100)
            throw AppValidationException.For("term", Text.Get("field.tooLong", 100));
        if (await db.Set<ScreeningTerm>().AnyAsync(t => t.Term == term, ct))
            throw new ConflictException(Text.Get("screening.term.exists", term));
        var row = new ScreeningTerm { Term = term, CreatedAt = time.GetUtcNow(), AuthorName = actor.Name };
        db.Add(row);
        audit.Add(actor, "create", "screeningTerm", null, term);
        await db.SaveChangesAsync(ct);
        return new ScreeningTermView(row.Id, row.Term, row.CreatedAt, row.AuthorName);
    }

    public async Task DeleteTermAsync(int id, Actor actor, CancellationToken ct)
    {
        EnsureSupervisor(actor);
        var row = await db.Set<ScreeningTerm>().FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("screening.term.notFound", id));
        db.Remove(row);
        audit.Add(actor, "delete", "screeningTerm", id.ToString(CultureInfo.InvariantCulture), row.Term);
        await db.SaveChangesAsync(ct);
    }

    private static void EnsureOperator(Actor actor)
    {
        if (actor.Role is not (Identity.Roles.Operator or Identity.Roles.Supervisor or Identity.Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static void EnsureSupervisor(Actor actor)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static HeldIntakeView View(HeldIntake h) => new(h.Id, h.Source, h.Channel, h.ReceivedAt, h.FullName, h.Phone, h.Email, h.TelegramId,
        h.Text, h.MatchedTerms, h.Status, h.DecidedAt, h.DecidedByName, h.DecisionReason, h.RegistrationNumber, []);

    private static string? Cut(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Startup.ConfigureJson(o);
        return o;
    }
}

public static class IntakeScreeningApi
{
    public static IEndpointRouteBuilder MapIntakeScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/screening").WithTags("Screening").RequireAuthorization();
        group.MapGet("/held", async (bool? all, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await screening.ListAsync(http.Actor(), all ?? false, ct)))
            .WithName("ListHeldIntake").WithSummary("Incoming texts held for review because of hate-speech terms (operator, supervisor).");
        group.MapPost("/held/{id:long}/release", async (long id, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await screening.ReleaseAsync(id, http.Actor(), ct)))
            .WithName("ReleaseHeldIntake").WithSummary("Registers a held text (an e-mail goes back to the drafts).");
        group.MapPost("/held/{id:long}/discard", async (long id, HeldDecisionInput input, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await screening.DiscardAsync(id, input, http.Actor(), ct)))
            .WithName("DiscardHeldIntake").WithSummary("Discards a held text with a reason; nothing is registered, its files are deleted.");
        group.MapGet("/held/{id:long}/files/{fileId:long}", async (long id, long fileId, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
        {
            var file = await screening.FileAsync(id, fileId, http.Actor(), ct);
            return TypedResults.File(file.Data, file.ContentType, file.FileName);
        }).WithName("GetHeldIntakeFile").WithSummary("A photo or document that came with a held text (operator, supervisor).");
        group.MapGet("/terms", async (IntakeScreening screening, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await screening.ListTermsAsync(http.Actor(), ct)))
            .WithName("ListScreeningTerms").WithSummary("Hate-speech terms: configured ones (id 0) and those edited here.");
        group.MapPost("/terms", async (ScreeningTermInput input, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
        {
            var view = await screening.AddTermAsync(input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/screening/terms/{view.Id}", view);
        }).WithName("AddScreeningTerm").WithSummary("Adds a term (supervisor, administrator).");
        group.MapDelete("/terms/{id:int}", async (int id, IntakeScreening screening, HttpContext http, CancellationToken ct) =>
        {
            await screening.DeleteTermAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteScreeningTerm");
        return app;
    }
}
