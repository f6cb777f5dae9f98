using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactCenter.Features.Informing;
using ContactCenter.Features.Notifications;
using ContactCenter.Tests.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Informing;

/// <summary>The channels app (real local SMTP server, fake Bot API) with a broadcast budget of 1,000 messages a minute.</summary>
public abstract class InformingChannelsApp(Db db) : ChannelsApp(db)
{
    public const int PerMinute = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Informing:MessagesPerMinute", PerMinute.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("ContactCenter:Informing:PublicBaseUrl", "https://hromada.test");
        builder.UseSetting("ContactCenter:Notifications:BatchSize", "100");
    }
}

public sealed class InformingChannelsSqliteApp() : InformingChannelsApp(Db.Sqlite);

public sealed class InformingChannelsPostgresApp() : InformingChannelsApp(Db.Postgres);

/// <summary>
/// Broadcasts go through the durable outbox: each subscriber gets the message exactly once with racing dispatchers and a
/// sender that died holding rows, and no channel gets more than the configured messages in any one-minute window.
/// </summary>
public abstract class InformingBroadcastTests<TApp>(TApp app) where TApp : InformingChannelsApp
{
    private Task<int> SentAsync(long broadcastId) =>
        app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.BroadcastId == broadcastId && n.Status == NotificationStatus.Sent));

    [Fact]
    public async Task Broadcast_3000Subscribers_ExactlyOnce_RacingDispatchers_RateLimitedPerWindow()
    {
        const int subscribers = 3000;
        var place = await InformingKit.NewPlaceAsync(app);
        var chats = Enumerable.Range(0, subscribers).Select(i => 7_000_000_000L + (place.StreetId * 10_000L) + i).ToList();
        await app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow();
            db.AddRange(chats.Select((chat, i) => new Subscription
            {
                Channel = SubscriptionChannel.Telegram,
                Contact = chat.ToString(CultureInfo.InvariantCulture),
                Scope = i % 3 == 0 ? SubscriptionScope.Building : SubscriptionScope.Street,
                BuildingId = i % 3 == 0 ? place.Building(i % 20 + 1) : null,
                StreetId = i % 3 == 0 ? null : place.StreetId,
                PlaceLabel = place.StreetName,
                TypeMask = OutageTypeMask.All,
                Status = SubscriptionStatus.Active,
                Token = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
                ConfirmedAt = now,
            }));
            // The first hundred also follow the district: still one message each.
            db.AddRange(chats.Take(100).Select(chat => new Subscription
            {
                Channel = SubscriptionChannel.Telegram,
                Contact = chat.ToString(CultureInfo.InvariantCulture),
                Scope = SubscriptionScope.District,
                DistrictId = place.DistrictId,
                TypeMask = OutageTypeMask.All,
                Status = SubscriptionStatus.Active,
                Token = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
                ConfirmedAt = now,
            }));
            return await db.SaveChangesAsync();
        });

        var marker = "MARK-" + Guid.NewGuid().ToString("N")[..8]; // ASCII: the Bot API request escapes Cyrillic in JSON
        var area = new[] { new { kind = "street", streetId = place.StreetId } };
        var (status, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { areas = area, types = new[] { "water" } });
        Assert.True(status == HttpStatusCode.OK, reach.ToString());
        Assert.Equal(subscribers, reach.GetProperty("recipients").GetInt32());

        var (created, broadcast) = await app.Admin().PostJsonAsync("/api/v1/broadcasts",
            new { requestKey = Guid.NewGuid(), areas = area, types = new[] { "water" }, text = $"Водопостачання відновлено. {marker}" });
        Assert.True(created == HttpStatusCode.Created, broadcast.ToString());
        var id = broadcast.GetProperty("id").GetInt64();
        Assert.Equal(subscribers, broadcast.GetProperty("recipients").GetInt32());

        // A sender that claimed five rows and died before sending them: their leases must run out first.
        var start = app.Time.GetUtcNow();
        var crashed = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.BroadcastId == id).OrderBy(n => n.Id).Take(5).Select(n => n.Id).ToListAsync());
        await app.WithDbAsync(db => db.Set<Notification>().Where(n => crashed.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseUntil, start.AddSeconds(120)).SetProperty(n => n.LeaseOwner, "crashed").SetProperty(n => n.Attempts, 1)));

        // Windows of one minute: three instances race until none finds work, then the clock moves on.
        var perWindow = new List<int>();
        for (var window = 0; window < 10 && await SentAsync(id) < subscribers; window++)
        {
            var before = await SentAsync(id);
            int[] round;
            do
            {
                round = await Task.WhenAll(app.DispatchAsync("a"), app.DispatchAsync("b"), app.DispatchAsync("c"));
            }
            while (round.Sum() > 0);
            perWindow.Add(await SentAsync(id) - before);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(perWindow, n => Assert.InRange(n, 1, InformingChannelsApp.PerMinute));
        Assert.True(perWindow.Count >= 3, string.Join(",", perWindow));
        Assert.Equal(subscribers, perWindow.Sum());

        // What the Bot API received: every chat exactly once.
        var received = app.Gateway.On($"/bot{ChannelsApp.BotToken}/sendMessage")
            .Where(r => r.Body.Contains(marker, StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("chat_id").GetInt64())
            .ToList();
        Assert.Equal(subscribers, received.Count);
        Assert.Equal(chats.Order(), received.Order());

        var (_, view) = await app.Admin().GetJsonAsync($"/api/v1/broadcasts/{id}");
        Assert.Equal(subscribers, view.GetProperty("sent").GetInt32());
        Assert.Equal(0, view.GetProperty("pending").GetInt32());
        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => crashed.Contains(n.Id)).ToListAsync());
        Assert.All(rows, r => Assert.Equal(2, r.Attempts));
    }

    [Fact]
    public async Task Broadcast_ByEmail_OverSmtp_CarriesUnsubscribeLinkThatWorks()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var emails = Enumerable.Range(0, 3).Select(i => InformingKit.NewEmail("mail" + i).ToLowerInvariant()).ToList();
        foreach (var email in emails)
            await app.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Email, email, SubscriptionScope.Street, null, place.StreetId, null, null, null));
        // The confirmation e-mails go out through the same outbox, with the link.
        await app.DispatchAsync();
        foreach (var email in emails)
        {
            var confirmation = Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(x => x.Address == email));
            var link = (confirmation.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://hromada.test/subscribe/confirm?token=", StringComparison.Ordinal));
            var page = await app.Client(null).GetAsync(new Uri(link).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var marker = Guid.NewGuid().ToString("N")[..10];
        var (status, sent) = await app.Admin().PostJsonAsync("/api/v1/broadcasts",
            new
            {
                requestKey = Guid.NewGuid(),
                areas = new[] { new { kind = "buildings", streetId = place.StreetId, buildings = new[] { "3" } } },
                subject = "Ремонт водогону " + marker,
                text = "Завтра з 9:00 до 15:00 не буде холодної води."
            });
        Assert.True(status == HttpStatusCode.Created, sent.ToString());
        Assert.Equal(3, sent.GetProperty("recipients").GetInt32());
        await app.DispatchAsync();

        var mails = app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(emails.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var first = mails.Single(m => m.To.Mailboxes.Single().Address == emails[0]);
        var stop = (first.TextBody ?? "").Split(' ', '\n').Select(w => w.Trim()).Single(w => w.StartsWith("https://hromada.test/subscribe/stop?token=", StringComparison.Ordinal));
        var response = await app.Client(null).GetAsync(new Uri(stop).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("відписалися", await response.Content.ReadAsStringAsync());

        var (_, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { areas = new[] { new { kind = "street", streetId = place.StreetId } } });
        Assert.Equal(2, reach.GetProperty("recipients").GetInt32());
        var (_, history) = await app.Admin().GetJsonAsync("/api/v1/broadcasts");
        var item = history.EnumerateArray().Single(b => b.GetProperty("id").GetInt64() == sent.GetProperty("id").GetInt64());
        Assert.Equal(3, item.GetProperty("sent").GetInt32());
    }
}

public sealed class InformingBroadcastTests_Sqlite(InformingChannelsSqliteApp app)
    : InformingBroadcastTests<InformingChannelsSqliteApp>(app), IClassFixture<InformingChannelsSqliteApp>;

public sealed class InformingBroadcastTests_Postgres(InformingChannelsPostgresApp app)
    : InformingBroadcastTests<InformingChannelsPostgresApp>(app), IClassFixture<InformingChannelsPostgresApp>;
