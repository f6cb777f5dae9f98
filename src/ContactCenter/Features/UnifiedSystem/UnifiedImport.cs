using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Deadlines;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.UnifiedSystem;

// The JSON contract of POST /api/v1/unified-system/cards (the CSV columns map onto the same fields).

public sealed record UnifiedApplicantInput(string? FullName, string? Address, string? Phone, string? Email, string? SocialStatus = null, string? PrivilegeCategory = null);

/// <summary>One external card: «№ звернення», «Джерело», «Пріоритет», «Статус», «Створено», «Питання», «Зміст», «Заявник», «Адреса», «Телефон», «Вирішити до».</summary>
public sealed record UnifiedCardInput(
    string? ExternalNumber,
    string? Source,
    string? Priority,
    string? Status,
    DateTimeOffset? CreatedAt,
    string? Topic,
    string? Content,
    UnifiedApplicantInput? Applicant,
    DateTimeOffset? DueAt,
    string? Kind = null);

public sealed record UnifiedImportRequest(IReadOnlyList<UnifiedCardInput>? Cards);

public enum ImportOutcome { Create, Update, Skip, Reject }

/// <summary>What happened (or, in a preview, would happen) to one row.</summary>
public sealed record ImportRowView(
    int Line, string? ExternalNumber, ImportOutcome Outcome, string? RegistrationNumber, string? ApplicantName, string? Topic,
    string? CategoryCode, string? CategoryName, string? CategoryMatch, DateTimeOffset? DueAt, IReadOnlyList<string> Notes, IReadOnlyList<string> Reasons);

public sealed record ImportReport(
    bool Preview, string? Encoding, int Total, int Created, int Updated, int Skipped, int Rejected,
    IReadOnlyList<string> IgnoredColumns, IReadOnlyList<ImportRowView> Rows);

/// <summary>
/// Imports Unified System / 1545 cards (F2.7) from the JSON endpoint or the CSV export, in two steps: a preview that
/// parses and validates every row and writes nothing, and a commit. Idempotent by the external number: an unchanged
/// card is skipped, a changed one updates only what is safe after registration (the external status, priority and
/// source, and a deadline brought forward); a new one is registered through <see cref="RegisterAppeal"/> with channel
/// «Єдина система», routed by the category its «Питання» maps to, due at the earlier of our deadline and «вирішити до».
/// </summary>
public sealed class UnifiedImport(
    AppDbContext db,
    RegisterAppeal register,
    CategoryDirectory categories,
    CalendarService calendar,
    AddressRegister addresses,
    AuditLog audit,
    AppealEvents events,
    IOptions<UnifiedSystemOptions> options,
    TimeProvider time,
    ILogger<UnifiedImport> logger)
{
    public const int MaxCards = UnifiedCsv.MaxRows;

    private sealed record Row(int Line, UnifiedCardInput Card, List<string> Reasons);

    public async Task<ImportReport> ImportCsvAsync(byte[] bytes, bool preview, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        if (bytes.Length > UnifiedCsv.MaxBytes)
            throw AppValidationException.For("file", Text.Get("import.tooLarge", UnifiedCsv.MaxBytes / 1024 / 1024));
        var doc = UnifiedCsv.Parse(bytes);
        if (doc.Columns.Count == 0 && doc.Rows.Count == 0)
            throw AppValidationException.For("file", Text.Get("unified.empty"));
        if (!doc.Columns.Contains(UnifiedColumn.Number))
            throw AppValidationException.For("file", Text.Get("unified.noNumberColumn"));
        if (doc.Rows.Count > MaxCards)
            throw AppValidationException.For("file", Text.Get("import.tooManyLines", MaxCards));
        var zone = calendar.TimeZone;
        var rows = doc.Rows.Select(r => FromCsv(r, zone)).ToList();
        return await RunAsync(rows, preview, doc.Encoding, doc.Ignored, actor, ct);
    }

    public async Task<ImportReport> ImportJsonAsync(UnifiedImportRequest request, bool preview, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var cards = request.Cards ?? [];
        if (cards.Count == 0)
            throw AppValidationException.For("cards", Text.Get("field.required"));
        if (cards.Count > MaxCards)
            throw AppValidationException.For("cards", Text.Get("import.tooManyLines", MaxCards));
        var rows = cards.Select((c, i) => new Row(i + 1, c, [])).ToList();
        return await RunAsync(rows, preview, null, [], actor, ct);
    }

    private static void Ensure(Actor actor)
    {
        if (!actor.CanRegister)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static Row FromCsv(CsvRow r, TimeZoneInfo zone)
    {
        var reasons = new List<string>();
        var created = UnifiedCsv.ParseLocal(r[UnifiedColumn.Created], zone, endOfDay: false, out var badCreated);
        if (badCreated)
            reasons.Add(Text.Get("unified.date.invalid", r[UnifiedColumn.Created], "Створено"));
        var due = UnifiedCsv.ParseLocal(r[UnifiedColumn.Due], zone, endOfDay: true, out var badDue);
        if (badDue)
            reasons.Add(Text.Get("unified.date.invalid", r[UnifiedColumn.Due], "Вирішити до"));
        var card = new UnifiedCardInput(
            r[UnifiedColumn.Number], r[UnifiedColumn.Source], r[UnifiedColumn.Priority], r[UnifiedColumn.Status], created,
            r[UnifiedColumn.Topic], r[UnifiedColumn.Content],
            new UnifiedApplicantInput(r[UnifiedColumn.Applicant], r[UnifiedColumn.Address], r[UnifiedColumn.Phone], r[UnifiedColumn.Email]),
            due, r[UnifiedColumn.Kind]);
        return new Row(r.Line, card, reasons);
    }

    private async Task<ImportReport> RunAsync(List<Row> rows, bool preview, string? encoding, IReadOnlyList<string> ignored, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = await categories.AllAsync(ct);
        var tracks = await calendar.GetTracksAsync(ct);
        var cal = await calendar.GetCalendarAsync(ct);
        var numbers = rows.Select(r => r.Card.ExternalNumber?.Trim()).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var externalIds = numbers.Select(n => UnifiedSystemModel.ExternalIdPrefix + n).ToList();
        var cards = new Dictionary<string, UnifiedCard>(StringComparer.Ordinal);
        var appeals = new Dictionary<string, (long Id, string Number)>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            foreach (var c in await db.Set<UnifiedCard>().AsNoTracking().Where(c => chunk.Contains(c.ExternalNumber)).ToListAsync(ct))
                cards[c.ExternalNumber] = c;
        }
        foreach (var chunk in externalIds.Chunk(500))
        {
            foreach (var a in await db.Appeals.AsNoTracking().Where(a => chunk.Contains(a.ExternalId!)).Select(a => new { a.Id, a.ExternalId, a.RegistrationNumber }).ToListAsync(ct))
                appeals[a.ExternalId![UnifiedSystemModel.ExternalIdPrefix.Length..]] = (a.Id, a.RegistrationNumber);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<ImportRowView>(rows.Count);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var c = row.Card;
            var number = c.ExternalNumber?.Trim();
            Validate(row, now);
            if (number is { Length: > 0 })
            {
                if (seen.TryGetValue(number, out var firstLine))
                    row.Reasons.Add(Text.Get("unified.number.duplicate", number, firstLine));
                else
                    seen[number] = row.Line;
            }
            var (category, match) = MapCategory(c.Topic, all, options.Value);
            if (row.Reasons.Count > 0)
            {
                results.Add(View(row, ImportOutcome.Reject, null, category, match, null, []));
                continue;
            }
            var fingerprint = Fingerprint(c);
            cards.TryGetValue(number!, out var existingCard);
            if (!appeals.TryGetValue(number!, out var existing))
            {
                var priority = MapPriority(c.Priority);
                var trackCode = priority == Priority.Urgent ? "urgent" : category?.ReviewTrackCode ?? "simple";
                var received = c.CreatedAt is { } cr && cr <= now ? cr : now;
                DateTimeOffset? due = tracks.TryGetValue(trackCode, out var t)
                    ? DeadlineCalculator.Due(received, new ReviewTrack(t.Code, t.Term, t.Unit), cal)
                    : null;
                if (c.DueAt is { } ext && (due is null || ext < due))
                    due = ext;
                if (preview)
                {
                    results.Add(View(row, ImportOutcome.Create, null, category, match, due, []));
                    continue;
                }
                results.Add(await CreateAsync(row, category, match, priority, fingerprint, actor, ct));
                continue;
            }
            if (existingCard is not null && existingCard.Fingerprint == fingerprint)
            {
                results.Add(View(row, ImportOutcome.Skip, existing.Number, category, match, null, [Text.Get("unified.unchanged")]));
                continue;
            }
            results.Add(await UpdateAsync(row, existing.Id, existingCard, category, match, fingerprint, preview, actor, ct));
        }

        if (!preview)
        {
            audit.Add(actor, "import", "unifiedSystem", null,
                $"rows={rows.Count}; created={results.Count(r => r.Outcome == ImportOutcome.Create)}; updated={results.Count(r => r.Outcome == ImportOutcome.Update)}; rejected={results.Count(r => r.Outcome == ImportOutcome.Reject)}");
            await db.SaveChangesAsync(ct);
        }
        return new ImportReport(preview, encoding, results.Count,
            results.Count(r => r.Outcome == ImportOutcome.Create), results.Count(r => r.Outcome == ImportOutcome.Update),
            results.Count(r => r.Outcome == ImportOutcome.Skip), results.Count(r => r.Outcome == ImportOutcome.Reject), ignored, results);
    }

    /// <summary>The law's and our own rules for a card, checked before anything is written (RegisterAppeal checks them again).</summary>
    private static void Validate(Row row, DateTimeOffset now)
    {
        var c = row.Card;
        var reasons = row.Reasons;
        var number = c.ExternalNumber?.Trim();
        if (string.IsNullOrEmpty(number))
            reasons.Add(Text.Get("unified.number.required"));
        else if (number.Length > 80)
            reasons.Add(Text.Get("unified.number.tooLong", 80));
        var name = c.Applicant?.FullName?.Trim();
        if (string.IsNullOrEmpty(name))
            reasons.Add(Text.Get("applicant.fullName.required"));
        else if (RegisterAppeal.IsAnonymousName(name))
            reasons.Add(Text.Get("applicant.anonymous"));
        if (string.IsNullOrWhiteSpace(c.Applicant?.Address))
            reasons.Add(Text.Get("applicant.address.required"));
        if (string.IsNullOrWhiteSpace(c.Content))
            reasons.Add(Text.Get("description.required"));
        else if (c.Content.Length > RegisterAppeal.MaxDescription)
            reasons.Add(Text.Get("field.tooLong", RegisterAppeal.MaxDescription));
        var phone = c.Applicant?.Phone;
        if (!string.IsNullOrWhiteSpace(phone) && PhoneNormalizer.TryNormalize(phone) is null)
            reasons.Add(Text.Get("applicant.phone.invalid") + $" («{phone.Trim()}»)");
        var email = c.Applicant?.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            reasons.Add(Text.Get("applicant.email.invalid"));
        if (MapForm(c.Source) == AppealForm.Electronic && string.IsNullOrWhiteSpace(phone) && string.IsNullOrEmpty(email))
            reasons.Add(Text.Get("applicant.contact.required"));
        if (c.CreatedAt is { } created && created > now.AddMinutes(2))
            reasons.Add(Text.Get("receivedAt.future"));
    }

    private async Task<ImportRowView> CreateAsync(Row row, Category? category, string match, Priority priority, string fingerprint, Actor actor, CancellationToken ct)
    {
        var c = row.Card;
        var number = c.ExternalNumber!.Trim();
        var address = c.Applicant!.Address!.Trim();
        var place = await ResolveAsync(address, ct);
        var request = new RegisterAppealRequest(
            Channel.UnifiedSystem, MapKind(c.Kind), MapForm(c.Source),
            new ApplicantInput(c.Applicant.FullName, c.Applicant.Phone, c.Applicant.Email, address, null, c.Applicant.PrivilegeCategory, c.Applicant.SocialStatus, null),
            false, null, category?.Code, c.Content!.Trim(), new LocationInput(address, place, null, null), priority, null,
            c.CreatedAt, false, UnifiedSystemModel.ExternalIdPrefix + number, null, null, null)
        { DueNotLaterThan = c.DueAt };
        Appeal appeal;
        try
        {
            appeal = (await register.HandleAsync(request, actor, ct)).Appeal;
        }
        catch (AppValidationException e)
        {
            row.Reasons.AddRange(e.Errors.SelectMany(kv => kv.Value));
            return View(row, ImportOutcome.Reject, null, category, match, null, []);
        }
        catch (DbUpdateException e)
        {
            // Another import registered the same number at this moment: the next import sees it.
            logger.LogWarning(e, "Unified System card {Number} raced with another import", number);
            db.ChangeTracker.Clear();
            row.Reasons.Add(Text.Get("unified.race"));
            return View(row, ImportOutcome.Reject, null, category, match, null, []);
        }
        var now = time.GetUtcNow();
        db.Add(new UnifiedCard
        {
            ExternalNumber = number,
            AppealId = appeal.Id,
            Source = Trim(c.Source, 200),
            ExternalPriority = Trim(c.Priority, 100),
            ExternalStatus = Trim(c.Status, 100),
            Topic = Trim(c.Topic, 500),
            ExternalCreatedAt = c.CreatedAt,
            ExternalDueAt = c.DueAt,
            Fingerprint = fingerprint,
            ImportedAt = now,
            UpdatedAt = now,
            ImportedByName = actor.Name,
        });
        await db.SaveChangesAsync(ct);
        return View(row, ImportOutcome.Create, appeal.RegistrationNumber, category, match, appeal.DueAt, []);
    }

    /// <summary>
    /// A card we already have: its external status, priority, source and «вирішити до» are refreshed; a deadline the
    /// Unified System brought forward moves our open questions' deadlines forward too. The substance and the applicant
    /// were registered as received and are not rewritten by a later export.
    /// </summary>
    private async Task<ImportRowView> UpdateAsync(Row row, long appealId, UnifiedCard? existing, Category? category, string match, string fingerprint,
        bool preview, Actor actor, CancellationToken ct)
    {
        var c = row.Card;
        var number = c.ExternalNumber!.Trim();
        var appeal = await db.Appeals.Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery().FirstAsync(a => a.Id == appealId, ct);
        var notes = new List<string>();
        if (existing is not null)
        {
            if (!Same(existing.ExternalStatus, c.Status))
                notes.Add(Text.Get("unified.change.status", existing.ExternalStatus ?? "—", c.Status ?? "—"));
            if (!Same(existing.ExternalPriority, c.Priority))
                notes.Add(Text.Get("unified.change.priority", existing.ExternalPriority ?? "—", c.Priority ?? "—"));
            if (!Same(existing.Source, c.Source))
                notes.Add(Text.Get("unified.change.source", existing.Source ?? "—", c.Source ?? "—"));
            if (existing.ExternalDueAt != c.DueAt)
                notes.Add(Text.Get("unified.change.externalDue", Local(c.DueAt)));
        }
        var open = appeal.Questions.Where(q => AppealStateMachine.IsOpen(q.Status) && c.DueAt is { } d && (q.DueAt is null || d < q.DueAt)).ToList();
        if (open.Count > 0)
            notes.Add(Text.Get("unified.change.dueApplied", Local(c.DueAt)));
        if (existing is not null && (!Same(existing.Topic, c.Topic) || existing.Fingerprint != fingerprint) && notes.Count == 0)
            notes.Add(Text.Get("unified.change.unsafe"));
        if (existing is null)
            notes.Add(Text.Get("unified.change.relinked"));
        DateTimeOffset? due = open.Count > 0 ? c.DueAt : appeal.DueAt;
        if (preview)
        {
            db.ChangeTracker.Clear();
            return View(row, ImportOutcome.Update, appeal.RegistrationNumber, category, match, due, notes);
        }

        var now = time.GetUtcNow();
        var card = existing is null ? null : await db.Set<UnifiedCard>().FirstAsync(x => x.Id == existing.Id, ct);
        if (card is null)
        {
            card = new UnifiedCard { ExternalNumber = number, AppealId = appeal.Id, Fingerprint = fingerprint, ImportedAt = now, ImportedByName = actor.Name };
            db.Add(card);
        }
        card.Source = Trim(c.Source, 200);
        card.ExternalPriority = Trim(c.Priority, 100);
        card.ExternalStatus = Trim(c.Status, 100);
        card.Topic = Trim(c.Topic, 500);
        card.ExternalCreatedAt = c.CreatedAt;
        card.ExternalDueAt = c.DueAt;
        card.Fingerprint = fingerprint;
        card.UpdatedAt = now;
        foreach (var q in open)
        {
            q.DueAt = c.DueAt;
            q.ReminderSentAt = null;
            q.OverdueFlaggedAt = null;
        }
        if (open.Count > 0)
            AppealProjection.Touch(appeal, now);
        db.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            At = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = "unifiedSystem.updated",
            Comment = string.Join("; ", notes),
            Public = false,
        });
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, "unified system card " + number);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "Unified System card {Number} changed concurrently", number);
            db.ChangeTracker.Clear();
            row.Reasons.Add(Text.Get("unified.race"));
            return View(row, ImportOutcome.Reject, appeal.RegistrationNumber, category, match, null, notes);
        }
        db.ChangeTracker.Clear();
        if (open.Count > 0)
            await events.PublishAsync(appeal, "unifiedSystem.updated", ct);
        return View(row, ImportOutcome.Update, appeal.RegistrationNumber, category, match, appeal.DueAt, notes);
    }

    private async Task<int?> ResolveAsync(string address, CancellationToken ct) => (await addresses.ResolveAsync(address, ct))?.BuildingId;

    private string Local(DateTimeOffset? at) =>
        at is { } a ? TimeZoneInfo.ConvertTime(a, calendar.TimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    private static ImportRowView View(Row row, ImportOutcome outcome, string? registrationNumber, Category? category, string match, DateTimeOffset? due, IReadOnlyList<string> notes) =>
        new(row.Line, row.Card.ExternalNumber?.Trim(), outcome, registrationNumber, row.Card.Applicant?.FullName?.Trim(), row.Card.Topic?.Trim(),
            category?.Code, category?.Name, match, due, notes, [.. row.Reasons]);

    /// <summary>
    /// «Питання» → category: the configured mapping, then an exact name (or code; for a path «A / B» the last part first),
    /// then the category whose name shares the most word stems with it, else the configured default.
    /// </summary>
    public static (Category? Category, string Match) MapCategory(string? topic, IReadOnlyDictionary<string, Category> all, UnifiedSystemOptions options)
    {
        var active = all.Values.Where(c => c.IsActive).ToList();
        Category? Default() => all.TryGetValue(options.DefaultCategory, out var d) && d.IsActive ? d : null;
        if (string.IsNullOrWhiteSpace(topic))
            return (Default(), "default");
        var text = Collapse(topic);
        if (options.Categories.TryGetValue(text, out var mapped) && all.TryGetValue(mapped, out var byMap) && byMap.IsActive)
            return (byMap, "mapping");
        var parts = text.Split(['/', '>', '→', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse().Prepend(text);
        foreach (var part in parts)
        {
            var exact = active.FirstOrDefault(c => string.Equals(Collapse(c.Name), part, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.NameEn, part, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Code, part, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
                return (exact, "exact");
        }
        var stems = Stems(text);
        var parents = all.Values.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet(StringComparer.Ordinal);
        var best = active
            .Select(c => (Category: c, Words: Stems(c.Name)))
            .Where(x => x.Words.Count > 0)
            .Select(x => (x.Category, Score: x.Words.Count(stems.Contains), Ratio: (double)x.Words.Count(stems.Contains) / x.Words.Count))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Ratio).ThenBy(x => parents.Contains(x.Category.Code)).ThenBy(x => x.Category.SortOrder)
            .FirstOrDefault();
        return best.Category is not null ? (best.Category, "search") : (Default(), "default");
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static HashSet<string> Stems(string text)
    {
        var words = new string(text.ToLowerInvariant().Select(ch => char.IsLetter(ch) || ch is '\'' or '’' ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Where(w => w.Length >= 4).Select(w => w.Length > 5 ? w[..5] : w).ToHashSet(StringComparer.Ordinal);
    }

    public static Priority MapPriority(string? priority)
    {
        var p = priority?.ToLowerInvariant() ?? "";
        return p.Contains("термін", StringComparison.Ordinal) || p.Contains("невідклад", StringComparison.Ordinal) || p.Contains("висок", StringComparison.Ordinal)
            || p.Contains("аварій", StringComparison.Ordinal) || p.Contains("urgent", StringComparison.Ordinal) || p.Contains("high", StringComparison.Ordinal)
            ? Priority.Urgent : Priority.Standard;
    }

    /// <summary>1545 is a telephone line: a card from a call (or with no source) is oral; a letter is written; the rest electronic.</summary>
    public static AppealForm MapForm(string? source)
    {
        var s = source?.ToLowerInvariant() ?? "";
        if (s.Length == 0 || s.Contains("телефон", StringComparison.Ordinal) || s.Contains("дзвін", StringComparison.Ordinal) || s.Contains("1545", StringComparison.Ordinal)
            || s.Contains("гаряч", StringComparison.Ordinal) || s.Contains("усн", StringComparison.Ordinal) || s.Contains("прийом", StringComparison.Ordinal))
            return AppealForm.Oral;
        if (s.Contains("лист", StringComparison.Ordinal) || s.Contains("письмов", StringComparison.Ordinal) || s.Contains("пошт", StringComparison.Ordinal) && !s.Contains("електрон", StringComparison.Ordinal))
            return AppealForm.Written;
        return AppealForm.Electronic;
    }

    public static AppealKind MapKind(string? kind)
    {
        var k = kind?.ToLowerInvariant() ?? "";
        return k.Contains("скарг", StringComparison.Ordinal) ? AppealKind.Complaint
            : k.Contains("пропоз", StringComparison.Ordinal) ? AppealKind.Proposal
            : AppealKind.Application;
    }

    private static string Fingerprint(UnifiedCardInput c)
    {
        var s = string.Join("\u001f", c.ExternalNumber?.Trim(), c.Source?.Trim(), c.Priority?.Trim(), c.Status?.Trim(),
            c.CreatedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), c.Topic?.Trim(), c.Content?.Trim(),
            c.Applicant?.FullName?.Trim(), c.Applicant?.Address?.Trim(), c.Applicant?.Phone?.Trim(), c.Applicant?.Email?.Trim(),
            c.Applicant?.SocialStatus?.Trim(), c.Applicant?.PrivilegeCategory?.Trim(),
            c.DueAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), c.Kind?.Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.Ordinal);

    private static string? Trim(string? s, int max) => s?.Trim() is { Length: > 0 } t ? (t.Length > max ? t[..max] : t) : null;
}
