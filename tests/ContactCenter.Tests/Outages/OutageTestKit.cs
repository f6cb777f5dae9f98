using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Outages;
using ContactCenter.Tests.Addresses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Outages;

/// <summary>Per test database: the address register imported, a water utility and another executor with keys.</summary>
public sealed class OutageTestKit
{
    private static readonly ConditionalWeakTable<AppFixture, Task<OutageTestKit>> Kits = new();

    public required AppFixture App { get; init; }
    public required int ExecutorId { get; init; }
    public required int OtherExecutorId { get; init; }
    public required string ExecutorKey { get; init; }
    public required string OtherExecutorKey { get; init; }
    public required string OperatorKey { get; init; }
    public required string SupervisorKey { get; init; }
    public required string LeadershipKey { get; init; }

    public HttpClient Executor => App.Client(ExecutorKey);
    public HttpClient Operator => App.Client(OperatorKey);

    public static Task<OutageTestKit> Of(AppFixture app) => Kits.GetValue(app, CreateAsync);

    private static async Task<OutageTestKit> CreateAsync(AppFixture app)
    {
        await AddressTestData.EnsureAsync(app);
        var executor = await app.CreateExecutorAsync("КП «Водоканал» (відключення)", null, "utilities.water");
        var other = await app.CreateExecutorAsync("КП «Теплоенерго» (відключення)", null, "utilities.heating");
        return new OutageTestKit
        {
            App = app,
            ExecutorId = executor,
            OtherExecutorId = other,
            ExecutorKey = await app.CreateKeyAsync(Roles.Executor, executor),
            OtherExecutorKey = await app.CreateKeyAsync(Roles.Executor, other),
            OperatorKey = await app.CreateKeyAsync(Roles.Operator),
            SupervisorKey = await app.CreateKeyAsync(Roles.Supervisor),
            LeadershipKey = await app.CreateKeyAsync(Roles.Leadership),
        };
    }

    public Task<int> StreetIdAsync(string name) =>
        App.WithDbAsync(db => db.Streets.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    public Task<int> DistrictIdAsync(string name) =>
        App.WithDbAsync(db => db.Districts.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    public static Dictionary<string, object?> Body(object area, string type = "water", string kind = "emergency", int? executorId = null,
        DateTimeOffset? startsAt = null, DateTimeOffset? expectedEndAt = null, params object[] moreAreas) => new()
        {
            ["type"] = type,
            ["kind"] = kind,
            ["information"] = "Пошкодження водогону",
            ["causes"] = "Порив труби діаметром 200 мм",
            ["consequences"] = "Відсутнє холодне водопостачання",
            ["startsAt"] = startsAt,
            ["expectedEndAt"] = expectedEndAt,
            ["executorId"] = executorId,
            ["areas"] = new[] { area }.Concat(moreAreas).ToArray(),
        };

    public static object Range(int streetId, int from, int to, string side = "all") => new { kind = "range", streetId, from, to, side };

    public async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var (status, json) = await client.PostJsonAsync("/api/v1/outages", body);
        Assert.True(status == HttpStatusCode.Created, $"create outage: {(int)status} {json}");
        return json;
    }

    /// <summary>Ids of the open outages at an address, as the public endpoint gives them.</summary>
    public async Task<long[]> AtAsync(string query)
    {
        var (status, json) = await App.Client(null).GetJsonAsync("/api/v1/outages/at?" + query);
        Assert.True(status == HttpStatusCode.OK, $"at: {(int)status} {json}");
        return json.GetProperty("outages").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();
    }
}

/// <summary>Records what closing an outage asks the notification seam to tell applicants.</summary>
public sealed class RecordingOutageNotifications : IOutageNotifications
{
    public System.Collections.Concurrent.ConcurrentQueue<OutageClosedNotice> Notices { get; } = new();

    public Task OutageClosedAsync(OutageClosedNotice notice, CancellationToken ct)
    {
        Notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}

/// <summary>The application with <see cref="RecordingOutageNotifications"/> in place of the no-op seam.</summary>
public abstract class OutageApp(Db db) : AppFixture(db)
{
    public RecordingOutageNotifications Notifications { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IOutageNotifications>(Notifications);
}

public sealed class SqliteOutageApp() : OutageApp(Db.Sqlite);

public sealed class PostgresOutageApp() : OutageApp(Db.Postgres);
