using ContactCenter.Features.Outages;

namespace ContactCenter.Features.Informing;

/// <summary>What a resident follows: one building, a whole street, or a district.</summary>
public enum SubscriptionScope { Building, Street, District }

/// <summary>The channel of a subscription: e-mail (double opt-in) or the Telegram bot (keyed by chat id).</summary>
public enum SubscriptionChannel { Email, Telegram }

/// <summary>Pending until the e-mail address confirmed it; Active; Unsubscribed (kept so that history and links stay valid).</summary>
public enum SubscriptionStatus { Pending, Active, Unsubscribed }

/// <summary>
/// A resident's subscription to outage news (F8.3) for a place and a set of outage types. One contact may hold several
/// (home and parents' street); a broadcast reaches each contact once whatever the number of matching subscriptions.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public SubscriptionChannel Channel { get; set; }
    /// <summary>Normalised: lower-case e-mail, or the Telegram chat id.</summary>
    public required string Contact { get; set; }
    public SubscriptionScope Scope { get; set; }
    public int? BuildingId { get; set; }
    public int? StreetId { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>The place as the resident saw it when subscribing ("вулиця Соборна, 12").</summary>
    public string PlaceLabel { get; set; } = "";
    /// <summary>Outage types as bits (1 &lt;&lt; <see cref="OutageType"/>); see <see cref="OutageTypeMask"/>.</summary>
    public int TypeMask { get; set; }
    public SubscriptionStatus Status { get; set; }
    /// <summary>Secret of the confirmation and unsubscribe links (random, 32 hex characters).</summary>
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
}

/// <summary>Outage types as a bit mask, so that "any of these types" is one bitwise AND in SQL.</summary>
public static class OutageTypeMask
{
    public static readonly int All = Enum.GetValues<OutageType>().Aggregate(0, (m, t) => m | Of(t));

    public static int Of(OutageType type) => 1 << (int)type;

    public static int Of(IEnumerable<OutageType>? types)
    {
        var mask = (types ?? []).Aggregate(0, (m, t) => m | Of(t));
        return mask == 0 ? All : mask;
    }

    public static IReadOnlyList<OutageType> Types(int mask) => Enum.GetValues<OutageType>().Where(t => (mask & Of(t)) != 0).ToList();
}

public enum BroadcastStatus { Queued, Cancelled }

/// <summary>
/// A message to the subscribers of an area (F8.3). Sending writes one outbox row per reached contact in the same
/// transaction as this row; the unique key (broadcast, channel, recipient) keeps it to one per contact.
/// </summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    /// <summary>Chosen by the compose form when it opens: sending twice (double click, retry after a time-out) returns the first.</summary>
    public Guid RequestKey { get; set; }
    public long? OutageId { get; set; }
    /// <summary>Area as given (JSON of <see cref="Outages.OutageAreaInput"/>), for the history.</summary>
    public string AreaDescription { get; set; } = "";
    public int TypeMask { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public int Recipients { get; set; }
    public BroadcastStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public int? ExecutorId { get; set; }
}

/// <summary>
/// A fixed one-minute window of the outbox's broadcast budget per channel. Claiming a slot is a conditional UPDATE
/// (<c>used &lt; limit</c>), so racing dispatchers on several instances share one budget.
/// </summary>
public sealed class OutboxRateWindow
{
    /// <summary>"broadcast:Email", "broadcast:Telegram".</summary>
    public required string Key { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Used { get; set; }
}
