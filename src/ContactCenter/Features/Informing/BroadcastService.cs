using System.Globalization;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Informing;

/// <summary>
/// Whom a broadcast is for: an outage (its affected addresses; its type unless <c>Types</c> are given) or areas given
/// like an outage's (streets, building lists, ranges, districts) with <c>Types</c> (none = every type).
/// </summary>
public sealed record BroadcastTarget(long? OutageId, IReadOnlyList<OutageAreaInput>? Areas, IReadOnlyList<OutageType>? Types);

/// <summary>
/// A broadcast to send. <c>RequestKey</c> (a GUID the compose form makes when it opens) makes sending idempotent: the
/// same key returns the broadcast already queued instead of queuing a second one.
/// </summary>
public sealed record BroadcastInput(Guid? RequestKey, long? OutageId, IReadOnlyList<OutageAreaInput>? Areas, IReadOnlyList<OutageType>? Types,
    string? Subject, string? Text)
{
    public BroadcastTarget Target => new(OutageId, Areas, Types);
}

/// <summary>How many contacts a broadcast reaches (each once, whatever the number of matching subscriptions).</summary>
public sealed record BroadcastReach(int Recipients, int Email, int Telegram, int Buildings, string Area, IReadOnlyList<OutageType> Types);

public sealed record BroadcastView(long Id, long? OutageId, string Area, IReadOnlyList<OutageType> Types, string Subject, string Text,
    int Recipients, int Sent, int Pending, int Failed, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Mass informing (F8.3): an operator, a supervisor, an administrator, or an executor for its own outages, writes to the
/// subscribers of an area. The reach is shown before sending; sending queues one outbox message per reached contact in
/// one transaction with the broadcast (unique per broadcast, channel and recipient), and the notification dispatcher
/// delivers them at <see cref="InformingOptions.MessagesPerMinute"/> per channel (<see cref="OutboxRateLimiter"/>).
/// </summary>
public sealed class BroadcastService(
    AppDbContext db,
    OutageService outages,
    OutageCoverage coverage,
    ExecutorDirectory executors,
    AuditLog audit,
    IOptions<InformingOptions> options,
    TimeProvider time)
{
    public const int MaxText = 3000;
    public const int MaxSubject = 200;

    private sealed record Target(long? OutageId, int? ExecutorId, List<OutageArea> Areas, int TypeMask, string Description);

    private sealed record Recipient(long SubscriptionId, SubscriptionChannel Channel, string Contact, string Token, string Place);

    /// <summary>Whether this actor may compose broadcasts at all (menu entries, pages).</summary>
    public static bool MayCompose(Actor actor) =>
        actor.IsExecutorSide || actor.Role is Roles.Operator or Roles.Supervisor or Roles.Administrator;

    public async Task<BroadcastReach> ReachAsync(BroadcastTarget input, Actor actor, CancellationToken ct)
    {
        var target = await ResolveAsync(input, actor, new ValidationErrors(), ct);
        var (recipients, buildings) = await RecipientsAsync(target, ct);
        return new BroadcastReach(recipients.Count, recipients.Count(r => r.Channel == SubscriptionChannel.Email),
            recipients.Count(r => r.Channel == SubscriptionChannel.Telegram), buildings, target.Description, OutageTypeMask.Types(target.TypeMask));
    }

    public async Task<BroadcastView> SendAsync(BroadcastInput input, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.RequestKey is not { } requestKey || requestKey == Guid.Empty)
        {
            errors.Add("requestKey", Text.Get("broadcast.requestKey"));
            requestKey = Guid.Empty;
        }
        if (string.IsNullOrWhiteSpace(input.Text))
            errors.Add("text", Text.Get("broadcast.text.required"));
        else if (input.Text.Length > MaxText)
            errors.Add("text", Text.Get("field.tooLong", MaxText));
        if (input.Subject is { Length: > MaxSubject })
            errors.Add("subject", Text.Get("field.tooLong", MaxSubject));
        var target = await ResolveAsync(input.Target, actor, errors, ct);
        if (await FindAsync(requestKey, ct) is { } already)
            return already;

        var (recipients, _) = await RecipientsAsync(target, ct);
        var o = options.Value;
        var text = input.Text!.Trim();
        var subject = string.IsNullOrWhiteSpace(input.Subject)
            ? Text.Get("broadcast.subject", string.Join(", ", OutageTypeMask.Types(target.TypeMask).Select(t => Text.Get("outageType." + t))))
            : input.Subject.Trim();
        try
        {
            var id = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = time.GetUtcNow();
                var broadcast = new Broadcast
                {
                    RequestKey = requestKey,
                    OutageId = target.OutageId,
                    ExecutorId = target.ExecutorId,
                    AreaDescription = Cut(target.Description, 4000),
                    TypeMask = target.TypeMask,
                    Subject = subject,
                    Body = text,
                    Recipients = recipients.Count,
                    Status = BroadcastStatus.Queued,
                    CreatedAt = now,
                    CreatedByUserId = actor.UserId,
                    CreatedByName = actor.Name,
                };
                db.Add(broadcast);
                await db.SaveChangesAsync(ct);
                foreach (var r in recipients)
                {
                    db.Add(new Notification
                    {
                        Key = Guid.NewGuid(),
                        RegistrationNumber = "",
                        Kind = NotificationKind.Broadcast,
                        BroadcastId = broadcast.Id,
                        SubscriptionId = r.SubscriptionId,
                        Channel = SubscriptionService.NotificationChannelOf(r.Channel),
                        Recipient = r.Contact,
                        Status = NotificationStatus.Pending,
                        CreatedAt = now,
                        NextAttemptAt = now,
                        Subject = subject,
                        Body = text + "\n\n—\n" + Text.Get("broadcast.footer", r.Place, SubscriptionService.UnsubscribeLink(o, r.Token)),
                    });
                }
                audit.Add(actor, "create", "broadcast", broadcast.Id.ToString(CultureInfo.InvariantCulture),
                    $"recipients={recipients.Count}; outage={target.OutageId}; types={target.TypeMask}");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return broadcast.Id;
            });
            db.ChangeTracker.Clear();
            return (await ViewsAsync(db.Set<Broadcast>().Where(b => b.Id == id), ct)).Single();
        }
        catch (DbUpdateException)
        {
            // The same request was sent twice at once (two clicks, two instances): the first one won.
            db.ChangeTracker.Clear();
            return await FindAsync(requestKey, ct) ?? throw new ConflictException(Text.Get("broadcast.requestKey"));
        }
    }

    /// <summary>Broadcast history with delivery counts: all of it for contact-centre staff, their outages' for executors.</summary>
    public async Task<IReadOnlyList<BroadcastView>> ListAsync(Actor actor, long? outageId, CancellationToken ct)
    {
        EnsureMayCompose(actor);
        var query = db.Set<Broadcast>().AsNoTracking();
        if (outageId is { } oid)
            query = query.Where(b => b.OutageId == oid);
        if (actor.IsExecutorSide)
        {
            var scope = actor.ExecutorId is { } own ? (await executors.ScopeOfAsync(own, ct)).ToList() : [];
            query = query.Where(b => b.ExecutorId != null && scope.Contains(b.ExecutorId.Value));
        }
        return await ViewsAsync(query.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(200), ct);
    }

    public async Task<BroadcastView> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        EnsureMayCompose(actor);
        var row = await db.Set<Broadcast>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("broadcast.notFound", id));
        if (actor.IsExecutorSide)
        {
            var scope = actor.ExecutorId is { } own ? await executors.ScopeOfAsync(own, ct) : new HashSet<int>();
            if (row.ExecutorId is not { } e || !scope.Contains(e))
                throw new NotFoundException(Text.Get("broadcast.notFound", id));
        }
        return (await ViewsAsync(db.Set<Broadcast>().Where(b => b.Id == id), ct)).Single();
    }

    private async Task<BroadcastView?> FindAsync(Guid requestKey, CancellationToken ct)
    {
        if (requestKey == Guid.Empty)
            return null;
        var found = await ViewsAsync(db.Set<Broadcast>().Where(b => b.RequestKey == requestKey), ct);
        return found.FirstOrDefault();
    }

    private async Task<List<BroadcastView>> ViewsAsync(IQueryable<Broadcast> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(b => (long?)b.Id).ToList();
        var counts = await db.Set<Notification>().AsNoTracking().Where(n => ids.Contains(n.BroadcastId))
            .GroupBy(n => new { n.BroadcastId, n.Status }).Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(long id, NotificationStatus status) => counts.Where(c => c.BroadcastId == id && c.Status == status).Sum(c => c.Count);
        return rows.Select(b => new BroadcastView(b.Id, b.OutageId, b.AreaDescription, OutageTypeMask.Types(b.TypeMask), b.Subject, b.Body,
            b.Recipients, Count(b.Id, NotificationStatus.Sent), Count(b.Id, NotificationStatus.Pending),
            Count(b.Id, NotificationStatus.Failed) + Count(b.Id, NotificationStatus.NoContact), b.CreatedAt, b.CreatedByName)).ToList();
    }

    private static void EnsureMayCompose(Actor actor)
    {
        if (!MayCompose(actor))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    /// <summary>Checks who may write to whom and turns the target into areas and types; throws the collected errors.</summary>
    private async Task<Target> ResolveAsync(BroadcastTarget input, Actor actor, ValidationErrors errors, CancellationToken ct)
    {
        EnsureMayCompose(actor);
        if (input.Types?.Any(t => !Enum.IsDefined(t)) == true)
            errors.Add("types", Text.Get("subscription.types.invalid"));
        Target? target = null;
        if (input.OutageId is { } outageId)
        {
            var outage = await db.Outages.AsNoTracking().Include(o => o.Areas).FirstOrDefaultAsync(o => o.Id == outageId, ct)
                ?? throw new NotFoundException(Text.Get("outage.notFound", outageId));
            if (actor.IsExecutorSide)
            {
                var scope = actor.ExecutorId is { } own ? await executors.ScopeOfAsync(own, ct) : new HashSet<int>();
                if (!scope.Contains(outage.ExecutorId))
                    throw new ForbiddenException(Text.Get("broadcast.executorOwnOutage"));
            }
            var mask = input.Types is { Count: > 0 } ? OutageTypeMask.Of(input.Types) : OutageTypeMask.Of(outage.Type);
            var description = string.Join("; ", await outages.DescribeAreasAsync(outage.Areas, ct));
            target = new Target(outage.Id, outage.ExecutorId, outage.Areas, mask, description);
        }
        else
        {
            if (actor.IsExecutorSide)
                throw new ForbiddenException(Text.Get("broadcast.executorOwnOutage"));
            if (input.Areas is not { Count: > 0 })
                errors.Add("areas", Text.Get("broadcast.area.required"));
            else
            {
                var areas = await outages.ResolveAreasAsync(input.Areas, errors, ct);
                if (!errors.Any)
                    target = new Target(null, null, areas, OutageTypeMask.Of(input.Types), string.Join("; ", await outages.DescribeAreasAsync(areas, ct)));
            }
        }
        errors.ThrowIfAny();
        return target!;
    }

    /// <summary>
    /// Active subscribers whose place the target touches and whose types it includes, one per contact, blocked contacts
    /// left out: a building subscription matches a covered building; a street subscription any covered building on the
    /// street (or the whole street); a district subscription anything in the district.
    /// </summary>
    private async Task<(List<Recipient> Recipients, int Buildings)> RecipientsAsync(Target target, CancellationToken ct)
    {
        var buildings = (await coverage.ExpandAsync(target.Areas, ct)).ToList();
        var streetIds = target.Areas.Where(a => a.Kind != OutageAreaKind.District && a.StreetId is not null).Select(a => a.StreetId!.Value).ToHashSet();
        var districtIds = target.Areas.Where(a => a.Kind == OutageAreaKind.District && a.DistrictId is not null).Select(a => a.DistrictId!.Value).ToHashSet();
        if (buildings.Count > 0)
        {
            var places = await db.Buildings.AsNoTracking().Where(b => buildings.Contains(b.Id))
                .Select(b => new { b.StreetId, District = b.DistrictId ?? b.Street.DistrictId }).Distinct().ToListAsync(ct);
            streetIds.UnionWith(places.Select(p => p.StreetId));
            districtIds.UnionWith(places.Select(p => p.District).OfType<int>());
        }
        var areaStreets = target.Areas.Where(a => a.Kind != OutageAreaKind.District && a.StreetId is not null).Select(a => a.StreetId!.Value).ToList();
        if (areaStreets.Count > 0)
            districtIds.UnionWith(await db.Streets.AsNoTracking().Where(s => areaStreets.Contains(s.Id) && s.DistrictId != null)
                .Select(s => s.DistrictId!.Value).ToListAsync(ct));
        var streets = streetIds.ToList();
        var districts = districtIds.ToList();
        var mask = target.TypeMask;
        var rows = await db.Set<Subscription>().AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Active && (s.TypeMask & mask) != 0
                && ((s.Scope == SubscriptionScope.Building && s.BuildingId != null && buildings.Contains(s.BuildingId.Value))
                    || (s.Scope == SubscriptionScope.Street && s.StreetId != null && streets.Contains(s.StreetId.Value))
                    || (s.Scope == SubscriptionScope.District && s.DistrictId != null && districts.Contains(s.DistrictId.Value))))
            .Select(s => new Recipient(s.Id, s.Channel, s.Contact, s.Token, s.PlaceLabel))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var blocked = (await db.Set<BlockedContact>().AsNoTracking()
                .Where(b => (b.Kind == BlockKind.Email || b.Kind == BlockKind.Telegram) && (b.ExpiresAt == null || b.ExpiresAt > now))
                .Select(b => new { b.Kind, b.Value }).ToListAsync(ct))
            .Select(b => (b.Kind, b.Value)).ToHashSet();
        var recipients = rows.Where(r => !blocked.Contains((SubscriptionService.BlockKindOf(r.Channel), r.Contact)))
            .GroupBy(r => (r.Channel, r.Contact))
            .Select(g => g.OrderBy(r => r.SubscriptionId).First())
            .OrderBy(r => r.SubscriptionId)
            .ToList();
        return (recipients, buildings.Count);
    }

    private static string Cut(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}
