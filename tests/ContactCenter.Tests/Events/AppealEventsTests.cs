using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Tests.Events;

public abstract class AppealEventsTests<TApp>(TApp app) where TApp : AppFixture
{
    protected TApp App => app;

    [Fact]
    public async Task Stream_AppealRegistered_EventArrivesWithoutPolling()
    {
        await using var stream = await EventStream.OpenAsync(app.Admin());
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).GetProperty("registrationNumber").GetString()!;

        var change = await stream.WaitForAsync(number);
        Assert.Equal("registered", change.GetProperty("action").GetString());
        Assert.Equal("registered", change.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stream_ExecutorKey_SeesOnlyItsOrganisationsAppeals()
    {
        var mine = await app.CreateExecutorAsync("Водоканал " + Guid.NewGuid().ToString("N")[..4]);
        var other = await app.CreateExecutorAsync("Теплоенерго " + Guid.NewGuid().ToString("N")[..4]);
        await using var stream = await EventStream.OpenAsync(app.Client(await app.CreateKeyAsync("executor", mine)));

        var foreign = (await app.Admin().RegisterAsync(Appeals.Valid(executorId: other))).GetProperty("registrationNumber").GetString()!;
        var own = (await app.Admin().RegisterAsync(Appeals.Valid(executorId: mine))).GetProperty("registrationNumber").GetString()!;

        var first = await stream.WaitForAsync(own);
        Assert.Equal(own, first.GetProperty("registrationNumber").GetString());
        Assert.DoesNotContain(foreign, stream.Seen);
    }
}

public sealed class AppealEventsTests_Sqlite(SqliteApp app) : AppealEventsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AppealEventsTests_Postgres(PostgresApp app) : AppealEventsTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task TwoInstances_ChangeOnOne_StreamedByTheOther_AndBothJoinTheJobCluster()
    {
        await using var second = new SecondInstance(App);
        await using var stream = await EventStream.OpenAsync(second.Client());

        var number = (await App.Admin().RegisterAsync(Appeals.Valid())).GetProperty("registrationNumber").GetString()!;

        var change = await stream.WaitForAsync(number);
        Assert.Equal("registered", change.GetProperty("action").GetString());

        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var nodes = await scheduler.QueryClusterNodes(CancellationToken.None);
        Assert.True(nodes.Count(n => n.State == ClusterNodeState.Alive) >= 2, $"cluster nodes: {string.Join(", ", nodes)}");
    }
}

/// <summary>Reads the server-sent event stream of /api/v1/events.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public List<string> Seen { get; } = [];

    public static async Task<EventStream> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        return new EventStream(response, reader);
    }

    public async Task<JsonElement> WaitForAsync(string registrationNumber)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
                continue;
            var json = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            var number = json.GetProperty("registrationNumber").GetString()!;
            Seen.Add(number);
            if (number == registrationNumber)
                return json;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
