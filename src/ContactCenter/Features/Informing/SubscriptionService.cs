using System.Security.Cryptography;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Blocklist;
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
/// A subscription request. The place: <c>Building</c> — <c>BuildingId</c> or <c>Address</c> ("Соборна 12");
/// <c>Street</c> — <c>StreetId</c> or <c>Address</c> (a street name); <c>District</c> — <c>DistrictId</c>.
/// No <c>Types</c> (or an empty list) means every outage type.
/// </summary>
public sealed record SubscribeInput(
    SubscriptionChannel? Channel, string? Contact, SubscriptionScope? Scope, int? BuildingId, int? StreetId, int? DistrictId,
    string? Address, IReadOnlyList<OutageType>? Types);

public sealed record SubscriptionView(
    long Id, SubscriptionChannel Channel, string Contact, SubscriptionScope Scope, int? BuildingId, int? StreetId, int? DistrictId,
    string Place, IReadOnlyList<OutageType> Types, SubscriptionStatus Status, DateTimeOffset CreatedAt);

/// <summary>The subscription, and whether an e-mail with the confirmation link was queued (e-mail, not yet confirmed).</summary>
public sealed record SubscribeResult(SubscriptionView Subscription, bool ConfirmationQueued);

/// <summary>
/// Residents' subscriptions to outage news (F8.3). Telegram subscriptions (made through the bot, keyed by the chat id)
/// are active at once; e-mail subscriptions wait for the confirmation link (double opt-in), which goes through the
/// notification outbox. Every broadcast message carries a one-click unsubscribe link. Blocked contacts cannot subscribe.
/// Subscribing the same contact to the same place again changes the types instead of adding a copy.
/// </summary>
public sealed class SubscriptionService(
    AppDbContext db,
    AddressRegister register,
    BlocklistService blocklist,
    AuditLog audit,
    IOptions<InformingOptions> options,
    TimeProvider time)
{
    /// <summary>Who acts when a resident changes their own subscription (for the audit log).</summary>
    public static readonly Actor Resident = new(null, "resident", "applicant", null);

    public const int MaxPerContact = 20;

    /// <summary>The stored form of a contact, or null when it is not valid for the channel.</summary>
    public static string? NormalizeContact(SubscriptionChannel channel, string? contact) => channel switch
    {
        SubscriptionChannel.Email => BlocklistService.Normalize(BlockKind.Email, contact) is { } e && e.Length <= 254
            && System.Net.Mail.MailAddress.TryCreate(e, out var parsed) && parsed.Address == e ? e : null,
        SubscriptionChannel.Telegram => BlocklistService.Normalize(BlockKind.Telegram, contact),
        _ => null,
    };

    public static BlockKind BlockKindOf(SubscriptionChannel channel) => channel == SubscriptionChannel.Email ? BlockKind.Email : BlockKind.Telegram;

    public static NotificationChannel NotificationChannelOf(SubscriptionChannel channel) =>
        channel == SubscriptionChannel.Email ? NotificationChannel.Email : NotificationChannel.Telegram;

    public async Task<SubscribeResult> SubscribeAsync(SubscribeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        string? contact = null;
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add("channel", Text.Get("field.required"));
            channel = SubscriptionChannel.Email;
        }
        else if ((contact = NormalizeContact(channel, input.Contact)) is null)
            errors.Add("contact", Text.Get(channel == SubscriptionChannel.Email ? "subscription.email.invalid" : "subscription.chat.invalid"));
        if (input.Types?.Any(t => !Enum.IsDefined(t)) == true)
            errors.Add("types", Text.Get("subscription.types.invalid"));
        var place = await ResolvePlaceAsync(input, errors, ct);
        errors.ThrowIfAny();
        if (await blocklist.IsBlockedAsync(BlockKindOf(channel), contact, ct))
            throw new RuleViolationException("contactBlocked", Text.Get("subscription.blocked"));

        var mask = OutageTypeMask.Of(input.Types);
        // The subscription and its confirmation e-mail commit together.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var existing = await db.Set<Subscription>().Where(s => s.Channel == channel && s.Contact == contact).ToListAsync(ct);
            var same = existing.FirstOrDefault(s => s.Scope == place.Scope && s.BuildingId == place.BuildingId && s.StreetId == place.StreetId
                && s.DistrictId == place.DistrictId);
            if (same is null && existing.Count(s => s.Status != SubscriptionStatus.Unsubscribed) >= MaxPerContact)
                throw new RuleViolationException("tooManySubscriptions", Text.Get("subscription.tooMany", MaxPerContact));
            var subscription = same ?? new Subscription
            {
                Channel = channel,
                Contact = contact!,
                Scope = place.Scope,
                BuildingId = place.BuildingId,
                StreetId = place.StreetId,
                DistrictId = place.DistrictId,
                Token = NewToken(),
                CreatedAt = now,
                Status = SubscriptionStatus.Pending,
            };
            if (same is null)
                db.Add(subscription);
            subscription.PlaceLabel = place.Label;
            subscription.TypeMask = mask;
            if (subscription.Status == SubscriptionStatus.Unsubscribed)
            {
                subscription.Status = SubscriptionStatus.Pending;
                subscription.UnsubscribedAt = null;
            }
            if (subscription.Status == SubscriptionStatus.Pending && channel == SubscriptionChannel.Telegram)
            {
                // The bot talks to the chat itself: the chat id is proof enough.
                subscription.Status = SubscriptionStatus.Active;
                subscription.ConfirmedAt = now;
            }
            await db.SaveChangesAsync(ct);
            var queued = subscription.Status == SubscriptionStatus.Pending && await QueueConfirmationAsync(subscription, now, ct);
            audit.Add(Resident, same is null ? "create" : "update", "subscription", Id(subscription), $"{channel}; {place.Scope}; {place.Label}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new SubscribeResult(View(subscription), queued);
        });
    }

    /// <summary>Every subscription of one contact (the bot's «мої підписки»), unsubscribed ones left out.</summary>
    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(SubscriptionChannel channel, string contact, CancellationToken ct)
    {
        var normalized = NormalizeContact(channel, contact);
        if (normalized is null)
            return [];
        var rows = await db.Set<Subscription>().AsNoTracking()
            .Where(s => s.Channel == channel && s.Contact == normalized && s.Status != SubscriptionStatus.Unsubscribed)
            .OrderBy(s => s.Id).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>Ends one subscription of this contact (the bot); false when it is not theirs or already ended.</summary>
    public async Task<bool> UnsubscribeAsync(SubscriptionChannel channel, string contact, long subscriptionId, CancellationToken ct)
    {
        var normalized = NormalizeContact(channel, contact);
        var row = await db.Set<Subscription>()
            .FirstOrDefaultAsync(s => s.Id == subscriptionId && s.Channel == channel && s.Contact == normalized && s.Status != SubscriptionStatus.Unsubscribed, ct);
        if (row is null)
            return false;
        End(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Ends every subscription of this contact (the bot's /stop); returns how many were ended.</summary>
    public async Task<int> UnsubscribeAllAsync(SubscriptionChannel channel, string contact, CancellationToken ct)
    {
        var normalized = NormalizeContact(channel, contact);
        var rows = await db.Set<Subscription>()
            .Where(s => s.Channel == channel && s.Contact == normalized && s.Status != SubscriptionStatus.Unsubscribed).ToListAsync(ct);
        rows.ForEach(End);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>The confirmation link of an e-mail subscription; null for an unknown token.</summary>
    public async Task<SubscriptionView?> ConfirmAsync(string? token, CancellationToken ct)
    {
        var row = await ByTokenAsync(token, ct);
        if (row is null)
            return null;
        if (row.Status == SubscriptionStatus.Pending)
        {
            if (await blocklist.IsBlockedAsync(BlockKindOf(row.Channel), row.Contact, ct))
                throw new RuleViolationException("contactBlocked", Text.Get("subscription.blocked"));
            row.Status = SubscriptionStatus.Active;
            row.ConfirmedAt = time.GetUtcNow();
            audit.Add(Resident, "confirm", "subscription", Id(row), row.Channel.ToString());
            await db.SaveChangesAsync(ct);
        }
        return View(row);
    }

    /// <summary>The one-click unsubscribe link in every message; null for an unknown token. Repeating it is harmless.</summary>
    public async Task<SubscriptionView?> UnsubscribeByTokenAsync(string? token, CancellationToken ct)
    {
        var row = await ByTokenAsync(token, ct);
        if (row is null)
            return null;
        if (row.Status != SubscriptionStatus.Unsubscribed)
        {
            End(row);
            await db.SaveChangesAsync(ct);
        }
        return View(row);
    }

    /// <summary>Undoes an unsubscribe made by the link (a mail scanner may follow links too); the link proved the address.</summary>
    public async Task<SubscriptionView?> ResubscribeByTokenAsync(string? token, CancellationToken ct)
    {
        var row = await ByTokenAsync(token, ct);
        if (row is null)
            return null;
        if (row.Status == SubscriptionStatus.Unsubscribed && row.ConfirmedAt is not null)
        {
            if (await blocklist.IsBlockedAsync(BlockKindOf(row.Channel), row.Contact, ct))
                throw new RuleViolationException("contactBlocked", Text.Get("subscription.blocked"));
            row.Status = SubscriptionStatus.Active;
            row.UnsubscribedAt = null;
            audit.Add(Resident, "resubscribe", "subscription", Id(row), row.Channel.ToString());
            await db.SaveChangesAsync(ct);
        }
        return View(row);
    }

    public static string UnsubscribeLink(InformingOptions o, string token) => o.Link("/subscribe/stop?token=" + token);

    public static string ConfirmLink(InformingOptions o, string token) => o.Link("/subscribe/confirm?token=" + token);

    private void End(Subscription row)
    {
        row.Status = SubscriptionStatus.Unsubscribed;
        row.UnsubscribedAt = time.GetUtcNow();
        audit.Add(Resident, "unsubscribe", "subscription", Id(row), row.Channel.ToString());
    }

    private async Task<Subscription?> ByTokenAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower))
            return null;
        return await db.Set<Subscription>().FirstOrDefaultAsync(s => s.Token == token, ct);
    }

    /// <summary>Queues the confirmation e-mail of a saved pending subscription, unless one was queued a short while ago.</summary>
    private async Task<bool> QueueConfirmationAsync(Subscription s, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var since = now.AddMinutes(-o.ConfirmationResendMinutes);
        var recent = await db.Set<Notification>().AsNoTracking()
            .AnyAsync(n => n.SubscriptionId == s.Id && n.Kind == NotificationKind.SubscriptionConfirmation && n.CreatedAt > since, ct);
        if (recent)
            return false;
        var types = string.Join(", ", OutageTypeMask.Types(s.TypeMask).Select(t => Text.Get("outageType." + t)));
        db.Add(new Notification
        {
            Key = Guid.NewGuid(),
            RegistrationNumber = "",
            Kind = NotificationKind.SubscriptionConfirmation,
            Channel = NotificationChannel.Email,
            Recipient = s.Contact,
            SubscriptionId = s.Id,
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            Subject = Text.Get("subscription.confirm.subject"),
            Body = Text.Get("subscription.confirm.body", s.PlaceLabel, types, ConfirmLink(o, s.Token)),
        });
        return true;
    }

    private sealed record Place(SubscriptionScope Scope, int? BuildingId, int? StreetId, int? DistrictId, string Label);

    private async Task<Place> ResolvePlaceAsync(SubscribeInput input, ValidationErrors errors, CancellationToken ct)
    {
        var none = new Place(SubscriptionScope.Building, null, null, null, "");
        switch (input.Scope)
        {
            case SubscriptionScope.Building:
                {
                    var resolved = input.BuildingId is { } b ? await register.BuildingAsync(b, ct)
                        : !string.IsNullOrWhiteSpace(input.Address) ? await register.ResolveAsync(Cut(input.Address), ct) : null;
                    if (resolved?.BuildingId is null)
                    {
                        errors.Add(input.BuildingId is null ? "address" : "buildingId",
                            input.BuildingId is null && string.IsNullOrWhiteSpace(input.Address) ? Text.Get("field.required") : Text.Get("subscription.building.notFound"));
                        return none;
                    }
                    return new Place(SubscriptionScope.Building, resolved.BuildingId, null, null, resolved.Address);
                }
            case SubscriptionScope.Street:
                {
                    string? label = null;
                    int? streetId = null;
                    if (input.StreetId is { } sid)
                    {
                        var s = await db.Streets.AsNoTracking().Where(x => x.Id == sid).Select(x => new { x.Id, x.Type, x.Name }).FirstOrDefaultAsync(ct);
                        if (s is not null)
                            (streetId, label) = (s.Id, $"{s.Type} {s.Name}");
                    }
                    else if (!string.IsNullOrWhiteSpace(input.Address) && await register.ResolveAsync(Cut(input.Address), ct) is { } r)
                    {
                        var s = await db.Streets.AsNoTracking().Where(x => x.Id == r.StreetId).Select(x => new { x.Type, x.Name }).FirstAsync(ct);
                        (streetId, label) = (r.StreetId, $"{s.Type} {s.Name}");
                    }
                    if (streetId is null)
                    {
                        errors.Add(input.StreetId is null ? "address" : "streetId",
                            input.StreetId is null && string.IsNullOrWhiteSpace(input.Address) ? Text.Get("field.required") : Text.Get("subscription.street.notFound"));
                        return none;
                    }
                    return new Place(SubscriptionScope.Street, null, streetId, null, label!);
                }
            case SubscriptionScope.District:
                {
                    var d = input.DistrictId is { } did ? await db.Districts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == did, ct) : null;
                    if (d is null)
                    {
                        errors.Add("districtId", input.DistrictId is null ? Text.Get("field.required") : Text.Get("district.unknown", input.DistrictId));
                        return none;
                    }
                    return new Place(SubscriptionScope.District, null, null, d.Id, Text.Get("subscription.district", d.Name));
                }
            default:
                errors.Add("scope", Text.Get("field.required"));
                return none;
        }
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] : s;

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Id(Subscription s) => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static SubscriptionView View(Subscription s) => new(s.Id, s.Channel, s.Contact, s.Scope, s.BuildingId, s.StreetId, s.DistrictId,
        s.PlaceLabel, OutageTypeMask.Types(s.TypeMask), s.Status, s.CreatedAt);
}
