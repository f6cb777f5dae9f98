using System.Text.Json;
using System.Threading.Channels;
using ContactCenter.Core.Appeals;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Infrastructure.Events;

/// <summary>Something happened to an appeal: what live screens and integrations react to.</summary>
public sealed record AppealChanged(
    string RegistrationNumber,
    string Action,
    AppealStatus Status,
    IReadOnlyList<int> ExecutorIds,
    DateTimeOffset At,
    string Origin);

/// <summary>
/// The real-time seam (F13.2). Handlers publish after their change is committed; every subscriber on every
/// application instance receives it. On PostgreSQL the event travels by <c>NOTIFY</c> to the other instances
/// (<see cref="PostgresEventListener"/>); SQLite is one process, so local delivery is all there is.
/// </summary>
public sealed class AppealEventBus(ILogger<AppealEventBus> logger)
{
    public const string PgChannel = "appeal_events";
    /// <summary>Identifies this application instance, so that it ignores its own notifications coming back.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    private readonly Lock _gate = new();
    private readonly List<Channel<AppealChanged>> _subscribers = [];

    /// <summary>A subscription: read events from <see cref="Reader"/>, dispose to stop.</summary>
    public sealed class Subscription(AppealEventBus bus, Channel<AppealChanged> channel) : IDisposable
    {
        public ChannelReader<AppealChanged> Reader => channel.Reader;

        public void Dispose() => bus.Remove(channel);
    }

    public Subscription Subscribe()
    {
        // A slow subscriber loses its oldest events rather than holding back everyone else.
        var channel = Channel.CreateBounded<AppealChanged>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
            _subscribers.Add(channel);
        return new Subscription(this, channel);
    }

    public void Deliver(AppealChanged change)
    {
        Channel<AppealChanged>[] targets;
        lock (_gate)
            targets = [.. _subscribers];
        foreach (var t in targets)
            t.Writer.TryWrite(change);
        logger.LogDebug("Appeal event {Action} {Number} delivered to {Count} subscribers", change.Action, change.RegistrationNumber, targets.Length);
    }

    private void Remove(Channel<AppealChanged> channel)
    {
        lock (_gate)
            _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }
}

/// <summary>Publishes committed appeal changes: locally at once, and to the other instances through PostgreSQL.</summary>
public sealed class AppealEvents(AppDbContext db, AppealEventBus bus, TimeProvider time, ILogger<AppealEvents> logger)
{
    public async Task PublishAsync(Features.Appeals.Appeal appeal, string action, CancellationToken ct)
    {
        var change = new AppealChanged(
            appeal.RegistrationNumber,
            action,
            appeal.Status,
            appeal.Questions.SelectMany(q => q.Assignments.Where(a => a.Active).Select(a => a.ExecutorId)).Distinct().ToList(),
            time.GetUtcNow(),
            bus.InstanceId);
        bus.Deliver(change);
        if (!db.IsPostgres)
            return;
        try
        {
            var payload = JsonSerializer.Serialize(change, EventJson.Options);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({AppealEventBus.PgChannel}, {payload})", ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The change is committed; a lost notification only delays other instances' screens until they refresh.
            logger.LogWarning(e, "Could not notify other instances of {Action} on {Number}", action, appeal.RegistrationNumber);
        }
    }
}

internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Startup.ConfigureJson(o);
        return o;
    }
}

/// <summary>Listens for other instances' appeal events on PostgreSQL and hands them to this instance's subscribers.</summary>
public sealed class PostgresEventListener(AppealEventBus bus, IOptions<ContactCenterOptions> options, ILogger<PostgresEventListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database.Provider != DatabaseProvider.Postgres)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.Database.EffectiveConnectionString)
                {
                    Pooling = false,
                    KeepAlive = 30,
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {AppealEventBus.PgChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for appeal events of other instances");
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Appeal event listener lost its connection; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotification(string payload)
    {
        try
        {
            var change = JsonSerializer.Deserialize<AppealChanged>(payload, EventJson.Options);
            if (change is not null && change.Origin != bus.InstanceId)
                bus.Deliver(change);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignoring a malformed appeal event");
        }
    }
}
