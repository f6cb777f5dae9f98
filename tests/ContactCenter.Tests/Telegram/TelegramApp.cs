using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Features.Telegram;
using ContactCenter.Tests.Channels;
using ContactCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Telegram;

/// <summary>
/// The application with its bot pointed at the local Bot API server (<see cref="LocalGatewayServer"/> +
/// <see cref="TelegramFakeApi"/>), the webhook secret set, and long polling off unless <see cref="Polling"/>.
/// The notification dispatcher's own schedule is pushed out of the way: tests run it themselves.
/// </summary>
public abstract class TelegramApp(Db db) : AppFixture(db)
{
    public const string BotToken = "654321:BOT-test-token";
    public const string Secret = "webhook-secret_0123456789";

    private static long _updateId = 500_000;

    public LocalGatewayServer Gateway { get; private set; } = null!;
    public TelegramFakeApi Bot => Gateway.Telegram;

    protected virtual bool Polling => false;

    public static long NextUpdateId() => Interlocked.Increment(ref _updateId);

    public override async Task InitializeAsync()
    {
        Gateway = await LocalGatewayServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder, Gateway.BaseUrl, Polling);
    }

    public static void Configure(IWebHostBuilder builder, string gatewayUrl, bool polling)
    {
        builder.UseSetting("ContactCenter:Notifications:PollSeconds", "86400");
        builder.UseSetting("ContactCenter:Imap:PollSeconds", "86400");
        builder.UseSetting("ContactCenter:Telegram:BotToken", BotToken);
        builder.UseSetting("ContactCenter:Telegram:BaseUrl", gatewayUrl);
        builder.UseSetting("ContactCenter:Telegram:WebhookSecret", Secret);
        builder.UseSetting("ContactCenter:Telegram:Polling", polling ? "true" : "false");
        builder.UseSetting("ContactCenter:Telegram:PollTimeoutSeconds", "1");
    }

    public HttpClient Webhook(string? secret = Secret)
    {
        var client = CreateClient();
        if (secret is not null)
            client.DefaultRequestHeaders.Add(TelegramBotSetup.SecretHeader, secret);
        return client;
    }

    public async Task<int> DispatchAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Features.Notifications.NotificationDispatcher>().RunOnceAsync("test", CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

public sealed class TelegramSqliteApp() : TelegramApp(Db.Sqlite);

public sealed class TelegramPostgresApp() : TelegramApp(Db.Postgres);

public sealed class TelegramPollingSqliteApp() : TelegramApp(Db.Sqlite)
{
    protected override bool Polling => true;
}

public sealed class TelegramPollingPostgresApp() : TelegramApp(Db.Postgres)
{
    protected override bool Polling => true;
}

/// <summary>Another instance of the app on the same database and the same Bot API server (webhook only).</summary>
public sealed class TelegramSecondInstance(TelegramApp first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Database:Provider", first.Db == Db.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ContactCenter:Database:ConnectionString", first.ConnectionString);
        builder.UseSetting("ContactCenter:Bootstrap:AdminApiKey", AppFixture.AdminKey);
        builder.UseSetting("ContactCenter:Demo", "false");
        TelegramApp.Configure(builder, first.Gateway.BaseUrl, polling: false);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(first.Time));
    }

    public HttpClient Webhook()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TelegramBotSetup.SecretHeader, TelegramApp.Secret);
        return client;
    }
}

/// <summary>A resident in a private chat with the bot: builds real Bot API updates and posts them to the webhook.</summary>
public sealed class TelegramUser(TelegramApp app, long? id = null)
{
    private static long _next = 700_000_000;
    private int _messageId;
    private int _seen;

    public long Id { get; } = id ?? Interlocked.Increment(ref _next);
    public string IdText => Id.ToString(CultureInfo.InvariantCulture);

    private JsonObject From() => new() { ["id"] = Id, ["is_bot"] = false, ["first_name"] = "Олена", ["last_name"] = "Коваленко", ["language_code"] = "uk" };

    public JsonObject MessageUpdate(Action<JsonObject> fill, long? updateId = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = 1795000000,
            ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private", ["first_name"] = "Олена" },
            ["from"] = From(),
        };
        fill(message);
        return new JsonObject { ["update_id"] = updateId ?? TelegramApp.NextUpdateId(), ["message"] = message };
    }

    public JsonObject CallbackUpdate(string data, BotCall? source = null, long? updateId = null)
    {
        var callback = new JsonObject
        {
            ["id"] = "cb" + Guid.NewGuid().ToString("N")[..10],
            ["from"] = From(),
            ["chat_instance"] = "ci" + IdText,
            ["data"] = data,
        };
        if (source?.MessageId is { } mid)
        {
            callback["message"] = new JsonObject
            {
                ["message_id"] = mid,
                ["date"] = 1795000000,
                ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private" },
                ["text"] = source.Text,
            };
        }
        return new JsonObject { ["update_id"] = updateId ?? TelegramApp.NextUpdateId(), ["callback_query"] = callback };
    }

    public Task<IReadOnlyList<BotCall>> TextAsync(string text) => PostAsync(MessageUpdate(m => m["text"] = text));

    public Task<IReadOnlyList<BotCall>> ContactAsync(string phone, long? ownerId = null) => PostAsync(MessageUpdate(m => m["contact"] = new JsonObject
    {
        ["phone_number"] = phone,
        ["first_name"] = "Олена",
        ["user_id"] = ownerId ?? Id,
    }));

    public Task<IReadOnlyList<BotCall>> LocationAsync(double lat, double lon) =>
        PostAsync(MessageUpdate(m => m["location"] = new JsonObject { ["latitude"] = lat, ["longitude"] = lon }));

    /// <summary>Sends a photo the fake server can serve by getFile.</summary>
    public Task<IReadOnlyList<BotCall>> PhotoAsync(byte[] data)
    {
        var fileId = "ph" + Guid.NewGuid().ToString("N")[..12];
        app.Bot.Files[fileId] = data;
        return PostAsync(MessageUpdate(m => m["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = fileId + "s", ["file_unique_id"] = "s" + fileId, ["width"] = 90, ["height"] = 90, ["file_size"] = 100 },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 800, ["height"] = 600, ["file_size"] = data.Length })));
    }

    public Task<IReadOnlyList<BotCall>> TapAsync(BotCall source, string data) => PostAsync(CallbackUpdate(data, source));

    /// <summary>Posts an update to the webhook (200 expected) and returns what the bot did in this chat meanwhile.</summary>
    public async Task<IReadOnlyList<BotCall>> PostAsync(JsonObject update, HttpClient? client = null)
    {
        var response = await (client ?? app.Webhook()).PostAsJsonAsync("/api/v1/telegram/webhook", update);
        Assert.True(response.IsSuccessStatusCode, $"webhook: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return New();
    }

    /// <summary>The bot's calls about this chat since the last look (messages, edits; callback answers have no chat).</summary>
    public IReadOnlyList<BotCall> New()
    {
        var all = app.Bot.To(Id);
        var fresh = all.Skip(_seen).ToList();
        _seen = all.Count;
        return fresh;
    }

    public static BotCall LastWithButtons(IReadOnlyList<BotCall> calls) =>
        calls.Last(c => c.CallbackData.Count > 0);
}
