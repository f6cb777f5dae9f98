using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// The lookup forms of an applicant's name and residence address (issue 3, F1.9). Stored next to the name and address
/// so a prefix search walks one index on either database; the same functions turn what the operator types into a prefix.
/// </summary>
public static partial class ApplicantKeys
{
    /// <summary>Lower-case; the apostrophes (' ’ ʼ ‘ `) dropped, so «Пʼятак», «П'ятак» and «Пятак» are one key; other
    /// punctuation to spaces; one space between words. Hyphens stay («Квітка-Основ'яненко»).</summary>
    public static string Name(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
            return "";
        var sb = new StringBuilder(fullName.Length);
        foreach (var c in fullName.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`')
                continue;
            var keep = char.IsLetterOrDigit(c) || c == '-';
            if (keep)
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ')
                sb.Append(' ');
        }
        return sb.ToString().TrimEnd();
    }

    // Parts of an address that are not the street and house: the settlement, region and district, the apartment.
    [GeneratedRegex(@"^\s*(м|місто|с|село|смт|селище|сел)\.?(\s|$)|област|обл\.|район|р-н|^\s*\d{5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotStreet();

    [GeneratedRegex(@"(кв\.?|квартира|кімн\.?|офіс)\s*\d+\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Apartment();

    /// <summary>The street and house of a free-text address in the address register's normal form
    /// (<see cref="AddressRegister.Normalize"/>): "м. Київ, вул. Шевченка, 12, кв. 5" → "шевченка 12". The settlement and
    /// the apartment are left out, so what an operator types («Шевченка 12», «вул. Шевченка, 1») is a prefix of it.</summary>
    public static string Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return "";
        var parts = Apartment().Replace(address, " ").Split(',').Where(p => !NotStreet().IsMatch(p)).ToList();
        var key = AddressRegister.Normalize(string.Join(' ', parts));
        return key.Length > 0 ? key : AddressRegister.Normalize(address);
    }
}

/// <summary>Keeps <see cref="Applicant.NameKey"/> and <see cref="Applicant.AddressKey"/> in step with the name and address
/// on every save, whichever path writes them (registration by any channel, imports, edits).</summary>
public sealed class ApplicantKeysInterceptor : SaveChangesInterceptor
{
    public static readonly ApplicantKeysInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Fill(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fill(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Fill(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries<Applicant>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            var applicant = entry.Entity;
            var name = ApplicantKeys.Name(applicant.FullName);
            var address = ApplicantKeys.Address(applicant.Address);
            if (applicant.NameKey != name)
                applicant.NameKey = name;
            if (applicant.AddressKey != address)
                applicant.AddressKey = address;
        }
    }
}

/// <summary>
/// Fills the lookup keys of appeals written before the keys existed, in small batches after start-up, with the same
/// functions as new rows (SQLite has no Unicode lower-case, so this is not done in SQL). Idempotent: several instances
/// may run it at once; lookups meanwhile miss only the rows not yet filled.
/// </summary>
public sealed class ApplicantKeyBackfill(IServiceScopeFactory scopes, ILogger<ApplicantKeyBackfill> log) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Let start-up (migrations, seeding) finish first.
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            var filled = await RunAsync(scopes, stoppingToken);
            if (filled > 0)
                log.LogInformation("Applicant lookup keys filled for {Count} appeals", filled);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Applicant lookup keys backfill stopped; it resumes at the next start");
        }
    }

    /// <summary>Fills every appeal whose keys are missing; returns how many.</summary>
    public static async Task<int> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        long last = 0;
        var total = 0;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Appeals.AsNoTracking()
                .Where(a => a.Id > last && (a.Applicant.NameKey == null || a.Applicant.AddressKey == null))
                .OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new { a.Id, a.Applicant.FullName, a.Applicant.Address })
                .ToListAsync(ct);
            if (batch.Count == 0)
                return total;
            // Only the two keys are written: no tracked card, so no version raised and no concurrency conflict with a
            // user's edit of the same card (whose save writes the keys itself).
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var a in batch)
                {
                    var name = ApplicantKeys.Name(a.FullName);
                    var address = ApplicantKeys.Address(a.Address);
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"UPDATE appeals SET applicant_name_key = {name}, applicant_address_key = {address} WHERE id = {a.Id}", ct);
                }
                await tx.CommitAsync(ct);
            });
            total += batch.Count;
            last = batch[^1].Id;
        }
    }
}

/// <summary>One person as the lookup found them: the latest card's name and contacts, and how many appeals they have.</summary>
public sealed record ApplicantMatch(
    string FullName,
    string? Phone,
    string? Email,
    string? Address,
    bool Hidden,
    int Appeals,
    int Open,
    DateTimeOffset LastReceivedAt,
    string LastRegistrationNumber,
    ApplicantRef Ref);

/// <summary>Who a match is: the same name key and phone, or (without a phone) the same name and address keys.</summary>
public sealed record ApplicantRef(string NameKey, string? Phone, string? AddressKey);

/// <summary>The matches; <c>More</c> when there are more than were read (type more letters).</summary>
public sealed record ApplicantLookupResult(IReadOnlyList<ApplicantMatch> Applicants, bool More);

/// <summary>One earlier or open appeal of a chosen applicant.</summary>
public sealed record ApplicantAppeal(
    string RegistrationNumber, AppealStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, bool Overdue, string Description);

/// <summary>What the operator typed: any of a name (surname, or surname and first name), a residence address, a phone.</summary>
public sealed record ApplicantLookupQuery(string? Name = null, string? Address = null, string? Phone = null, int Limit = ApplicantLookup.DefaultLimit);

/// <summary>
/// Applicant lookup at registration (issue 3, F1.9): by the beginning of the name, the street and house of the residence
/// address, or the phone; then the chosen person's earlier and open appeals. For the registering staff only: executors
/// never use it, so a hidden identity (R12) is never found by those who may not see it. Personal-data reads are audited.
/// </summary>
public sealed class ApplicantLookup(AppDbContext db, AuditLog audit, StreetCatalog streets, Calendar.CalendarService calendar, TimeProvider time)
{
    public const int DefaultLimit = 8;
    public const int MaxLimit = 20;
    public const int MinNameLength = 2;
    public const int MinAddressLength = 3;

    /// <summary>Rows read per search: the matches are grouped into people from at most these (nearest keys first).</summary>
    public const int Window = 200;

    public static void EnsureMayLookUp(Actor actor)
    {
        if (actor.Role is not (Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    public async Task<ApplicantLookupResult> LookupAsync(ApplicantLookupQuery query, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = ApplicantKeys.Name(query.Name);
        var address = ApplicantKeys.Address(query.Address);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(query.Name) && name.Length < MinNameLength)
            errors.Add("name", Text.Get("lookup.name.short", MinNameLength));
        if (!string.IsNullOrWhiteSpace(query.Address) && address.Length < MinAddressLength)
            errors.Add("address", Text.Get("lookup.address.short", MinAddressLength));
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            phone = PhoneNormalizer.TryNormalize(query.Phone);
            if (phone is null)
                errors.Add("phone", Text.Get("applicant.phone.invalid"));
        }
        if (string.IsNullOrWhiteSpace(query.Name) && string.IsNullOrWhiteSpace(query.Address) && string.IsNullOrWhiteSpace(query.Phone))
            errors.Add("name", Text.Get("lookup.empty"));
        if (query.Limit is < 1 or > MaxLimit)
            errors.Add("limit", $"1 … {MaxLimit}");
        errors.ThrowIfAny();
        EnsureMayLookUp(actor);

        var visible = Visible(actor);
        List<Row> rows;
        if (name.Length > 0)
        {
            var q = visible.Where(a => a.Applicant.NameKey!.StartsWith(name));
            if (address.Length > 0)
                q = q.Where(a => a.Applicant.AddressKey!.StartsWith(address));
            if (phone is not null)
                q = q.Where(a => a.Applicant.Phone == phone);
            rows = await Read(q.OrderBy(a => a.Applicant.NameKey).ThenByDescending(a => a.Id), ct);
        }
        else if (address.Length > 0)
        {
            // The address register's street matching where the typed street is not the one on the card: a former name
            // («Леніна 12») or a typo finds the street's current name, searched as well.
            var prefixes = await AddressPrefixesAsync(query.Address!, address, ct);
            rows = [];
            foreach (var prefix in prefixes)
            {
                var q = visible.Where(a => a.Applicant.AddressKey!.StartsWith(prefix));
                if (phone is not null)
                    q = q.Where(a => a.Applicant.Phone == phone);
                rows.AddRange(await Read(q.OrderBy(a => a.Applicant.AddressKey).ThenByDescending(a => a.Id), ct));
            }
            rows = rows.DistinctBy(r => r.Id).ToList();
        }
        else
        {
            rows = await Read(visible.Where(a => a.Applicant.Phone == phone).OrderByDescending(a => a.Id), ct);
        }

        var more = rows.Count >= Window;
        var people = rows.GroupBy(r => RefOf(r)).Take(query.Limit).ToList();
        var counts = await CountsAsync(visible, people.Select(p => p.Key).ToList(), ct);
        var matches = people.Select(p =>
        {
            var latest = p.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).First();
            var (all, open) = counts.GetValueOrDefault(p.Key);
            var mask = AppealAccess.MustMask(latest.HideIdentity, actor);
            return new ApplicantMatch(
                mask ? "" : latest.FullName,
                mask ? null : latest.Phone,
                mask ? null : latest.Email,
                mask ? null : latest.Address,
                latest.HideIdentity,
                Math.Max(all, p.Count()),
                open,
                Kyiv(latest.ReceivedAt),
                latest.RegistrationNumber,
                p.Key);
        }).ToList();
        if (matches.Count > 0)
        {
            var by = name.Length > 0 ? "name" : address.Length > 0 ? "address" : "phone";
            await audit.RecordReadAsync(actor, "applicantLookup", null,
                $"by={by}; count={matches.Count}; {string.Join(',', matches.Select(m => m.LastRegistrationNumber))}", ct);
        }
        return new ApplicantLookupResult(matches, more);
    }

    /// <summary>The chosen person's appeals, newest first: the earlier ones and those still open.</summary>
    public async Task<IReadOnlyList<ApplicantAppeal>> AppealsOfAsync(ApplicantRef person, Actor actor, int limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(person.NameKey))
            errors.Add("nameKey", Text.Get("field.required"));
        if (limit is < 1 or > 100)
            errors.Add("limit", "1 … 100");
        errors.ThrowIfAny();
        EnsureMayLookUp(actor);
        var rows = await Of(Visible(actor), person)
            .OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id).Take(limit)
            .Select(a => new { a.RegistrationNumber, a.Status, a.ReceivedAt, a.DueAt, a.Description })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        if (rows.Count > 0)
            await audit.RecordReadAsync(actor, "appealList", null, $"applicant; count={rows.Count}; {string.Join(',', rows.Take(50).Select(r => r.RegistrationNumber))}", ct);
        return rows.Select(r => new ApplicantAppeal(r.RegistrationNumber, r.Status, Kyiv(r.ReceivedAt), Kyiv(r.DueAt),
            AppealQueries.IsOverdue(r.Status, r.DueAt, now), r.Description.Length > 300 ? r.Description[..300] + "…" : r.Description)).ToList();
    }

    // Hidden identities (R12) only for those who may see them; the roles allowed here all may, the filter keeps the rule
    // in the query should the roles change.
    private IQueryable<Appeal> Visible(Actor actor) =>
        AppealAccess.MustMask(true, actor) ? db.Appeals.AsNoTracking().Where(a => !a.HideIdentity) : db.Appeals.AsNoTracking();

    private static IQueryable<Appeal> Of(IQueryable<Appeal> query, ApplicantRef p) => p.Phone is { } phone
        ? query.Where(a => a.Applicant.NameKey == p.NameKey && a.Applicant.Phone == phone)
        : query.Where(a => a.Applicant.NameKey == p.NameKey && a.Applicant.Phone == null && a.Applicant.AddressKey == (p.AddressKey ?? ""));

    private static ApplicantRef RefOf(Row r) =>
        r.Phone is { } phone ? new ApplicantRef(r.NameKey ?? "", phone, null) : new ApplicantRef(r.NameKey ?? "", null, r.AddressKey ?? "");

    private async Task<Dictionary<ApplicantRef, (int All, int Open)>> CountsAsync(IQueryable<Appeal> visible, List<ApplicantRef> people, CancellationToken ct)
    {
        if (people.Count == 0)
            return [];
        var keys = people.Select(p => p.NameKey).Distinct().ToList();
        var open = AppealStateMachine.OpenStatuses.ToList();
        var rows = await visible.Where(a => keys.Contains(a.Applicant.NameKey!))
            .Select(a => new { a.Applicant.NameKey, a.Applicant.Phone, a.Applicant.AddressKey, Open = open.Contains(a.Status) })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Phone is { } phone ? new ApplicantRef(r.NameKey ?? "", phone, null) : new ApplicantRef(r.NameKey ?? "", null, r.AddressKey ?? ""))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.Open)));
    }

    private async Task<IReadOnlyList<string>> AddressPrefixesAsync(string typed, string key, CancellationToken ct)
    {
        var prefixes = new List<string> { key };
        var (street, number) = AddressRegister.Parse(typed);
        if (street.Length >= MinAddressLength)
        {
            foreach (var match in (await streets.MatchAsync(street, ct)).Take(3))
            {
                var current = AddressRegister.Normalize(match.Name);
                var prefix = number is null ? current : $"{current} {number}";
                if (current.Length > 0 && !prefixes.Contains(prefix))
                    prefixes.Add(prefix);
            }
        }
        return prefixes;
    }

    private static Task<List<Row>> Read(IQueryable<Appeal> query, CancellationToken ct) =>
        query.Take(Window).Select(a => new Row(a.Id, a.RegistrationNumber, a.ReceivedAt, a.HideIdentity, a.Applicant.FullName, a.Applicant.Phone,
            a.Applicant.Email, a.Applicant.Address, a.Applicant.NameKey, a.Applicant.AddressKey)).ToListAsync(ct);

    private sealed record Row(long Id, string RegistrationNumber, DateTimeOffset ReceivedAt, bool HideIdentity, string FullName, string? Phone,
        string? Email, string? Address, string? NameKey, string? AddressKey);

    private DateTimeOffset Kyiv(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, calendar.TimeZone);

    private DateTimeOffset? Kyiv(DateTimeOffset? value) => value is { } v ? Kyiv(v) : null;
}
