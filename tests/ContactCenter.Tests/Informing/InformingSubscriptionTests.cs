using System.Net;
using System.Text.Json;
using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Informing;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Informing;

/// <summary>F8.3: subscriptions (building, street, district; types), double opt-in, unsubscribe, reach and who may broadcast.</summary>
public abstract class InformingSubscriptionTests<TApp>(TApp app) where TApp : AppFixture
{
    private static int Reach(JsonElement body) => body.GetProperty("recipients").GetInt32();

    [Fact]
    public async Task Reach_MatchesBuildingStreetDistrictAndTypes_OncePerContact()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var executor = await InformingKit.ExecutorAsync(app, "Водоканал");
        long a = InformingKit.NewChat(), b = InformingKit.NewChat(), c = InformingKit.NewChat(), d = InformingKit.NewChat(),
            e = InformingKit.NewChat(), f = InformingKit.NewChat(), g = InformingKit.NewChat();
        await app.TelegramAsync(a, SubscriptionScope.Building, place.Building(5));                       // the building: yes
        await app.TelegramAsync(a, SubscriptionScope.Street, place.StreetId);                              // same contact again: once
        await app.TelegramAsync(b, SubscriptionScope.Street, place.StreetId, OutageType.Water, OutageType.Gas); // the street, water: yes
        await app.TelegramAsync(c, SubscriptionScope.District, place.DistrictId);                          // the district: yes
        await app.TelegramAsync(d, SubscriptionScope.Building, place.Building(6));                         // another building: no
        await app.TelegramAsync(e, SubscriptionScope.Building, place.Building(5), OutageType.Heating);     // other type: no
        await app.TelegramAsync(f, SubscriptionScope.Street, place.OtherStreetId);                         // the next street: no
        await app.TelegramAsync(g, SubscriptionScope.Building, place.Building(5));
        await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().UnsubscribeAllAsync(SubscriptionChannel.Telegram, g.ToString(), default)); // ended: no
        var email = InformingKit.NewEmail();
        await app.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Email, email, SubscriptionScope.Building, place.Building(5), null, null, null, null)); // unconfirmed: no

        var outage = await InformingKit.OutageAsync(app, executor, new { kind = "buildings", streetId = place.StreetId, buildings = new[] { "5" } });
        var (status, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage });
        Assert.True(status == HttpStatusCode.OK, reach.ToString());
        Assert.Equal(3, Reach(reach));
        Assert.Equal(3, reach.GetProperty("telegram").GetInt32());
        Assert.Equal(1, reach.GetProperty("buildings").GetInt32());
        Assert.Equal(["water"], reach.GetProperty("types").EnumerateArray().Select(t => t.GetString()));

        // A free area: the whole district covers every building and street in it; heating leaves out b (water, gas).
        (status, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach",
            new { areas = new[] { new { kind = "district", districtId = place.DistrictId } }, types = new[] { "heating" } });
        Assert.True(status == HttpStatusCode.OK, reach.ToString());
        Assert.Equal(5, Reach(reach)); // a, c (district), d (building 6), e (heating), f (the next street)

        // The next street, any type: its subscriber and the district's.
        (status, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach",
            new { areas = new[] { new { kind = "street", streetId = place.OtherStreetId } } });
        Assert.Equal(2, Reach(reach));
    }

    [Fact]
    public async Task Email_DoubleOptIn_ConfirmLinkThenUnsubscribeLink()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var email = InformingKit.NewEmail("Olena");
        var result = await app.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Email, email, SubscriptionScope.Building, null, null, null,
            $"вул. {place.StreetName}, 7", [OutageType.Water, OutageType.HotWater]));
        Assert.True(result.ConfirmationQueued);
        Assert.Equal(SubscriptionStatus.Pending, result.Subscription.Status);
        Assert.Equal(place.Building(7), result.Subscription.BuildingId);
        Assert.Equal(email.ToLowerInvariant(), result.Subscription.Contact);

        var token = (await InformingKit.SubscriptionsAsync(app, email.ToLowerInvariant())).Single().Token;
        var confirmation = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .SingleAsync(n => n.Kind == NotificationKind.SubscriptionConfirmation && n.Recipient == email.ToLowerInvariant()));
        Assert.Equal(NotificationChannel.Email, confirmation.Channel);
        Assert.Null(confirmation.AppealId);
        Assert.Contains("/subscribe/confirm?token=" + token, confirmation.Body);

        // Subscribing again at once changes nothing and sends no second confirmation.
        var again = await app.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Email, email, SubscriptionScope.Building, place.Building(7), null, null, null, null));
        Assert.False(again.ConfirmationQueued);
        Assert.Equal(result.Subscription.Id, again.Subscription.Id);

        var outage = await InformingKit.OutageAsync(app, await InformingKit.ExecutorAsync(app, "Водоканал"),
            new { kind = "buildings", streetId = place.StreetId, buildings = new[] { "7" } });
        Assert.Equal(0, Reach((await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Body));

        // The link in the e-mail: a GET page on the portal.
        var portal = app.Client(null);
        var page = await portal.GetAsync("/subscribe/confirm?token=" + token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriptionStatus.Active, (await InformingKit.SubscriptionsAsync(app, email.ToLowerInvariant())).Single().Status);
        Assert.Equal(1, Reach((await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Body));

        page = await portal.GetAsync("/subscribe/stop?token=" + token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await InformingKit.SubscriptionsAsync(app, email.ToLowerInvariant())).Single().Status);
        Assert.Equal(0, Reach((await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Body));

        // A wrong token finds nothing and changes nothing.
        Assert.Null(await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().ConfirmAsync(new string('0', 32), default)));
    }

    [Fact]
    public async Task Portal_SubscribeForm_QueuesConfirmation_ShowsErrors()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var client = Portal.PortalForms.NewClient(app);
        var (antiforgery, _) = await Portal.PortalForms.OpenFormAsync(client, "/subscribe");
        var email = InformingKit.NewEmail("portal").ToLowerInvariant();
        var response = await Portal.PortalForms.PostFormAsync(client, "/subscribe", antiforgery, new()
        {
            ["Email"] = email,
            ["Scope"] = "Building",
            ["Address"] = $"вул. {place.StreetName}, 4",
            ["Types"] = "Gas",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("subscribe-done", await response.Content.ReadAsStringAsync());
        var row = Assert.Single(await InformingKit.SubscriptionsAsync(app, email));
        Assert.Equal((SubscriptionStatus.Pending, place.Building(4), OutageTypeMask.Of(OutageType.Gas)), (row.Status, row.BuildingId, row.TypeMask));

        response = await Portal.PortalForms.PostFormAsync(client, "/subscribe", antiforgery, new() { ["Email"] = "ні", ["Scope"] = "District" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("id=\"email-error\"", html);
        Assert.Contains("id=\"district-error\"", html);
    }

    [Fact]
    public async Task Telegram_ActiveAtOnce_ListAndUnsubscribeByContact()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var chat = InformingKit.NewChat();
        var first = await app.TelegramAsync(chat, SubscriptionScope.Street, place.StreetId, OutageType.Electricity);
        Assert.Equal(SubscriptionStatus.Active, first.Subscription.Status);
        Assert.False(first.ConfirmationQueued);
        await app.TelegramAsync(chat, SubscriptionScope.District, place.DistrictId);
        // Same place again: the types change, no copy.
        var changed = await app.TelegramAsync(chat, SubscriptionScope.Street, place.StreetId, OutageType.Gas);
        Assert.Equal(first.Subscription.Id, changed.Subscription.Id);
        Assert.Equal([OutageType.Gas], changed.Subscription.Types);

        var list = await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().ListAsync(SubscriptionChannel.Telegram, chat.ToString(), default));
        Assert.Equal(2, list.Count);
        Assert.Contains(list, s => s.Scope == SubscriptionScope.District && s.Types.Count == Enum.GetValues<OutageType>().Length);

        // Someone else's subscription id is not theirs to end.
        Assert.False(await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().UnsubscribeAsync(SubscriptionChannel.Telegram, "42", first.Subscription.Id, default)));
        Assert.True(await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().UnsubscribeAsync(SubscriptionChannel.Telegram, chat.ToString(), first.Subscription.Id, default)));
        list = await app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().ListAsync(SubscriptionChannel.Telegram, chat.ToString(), default));
        Assert.Equal(SubscriptionScope.District, Assert.Single(list).Scope);
    }

    [Fact]
    public async Task Subscribe_InvalidOrBlocked_Refused()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var invalid = await Assert.ThrowsAsync<AppValidationException>(() => app.SubscribeAsync(
            new SubscribeInput(SubscriptionChannel.Email, "not-an-email", SubscriptionScope.Building, null, null, null, "Неіснуюча вулиця 1", null)));
        Assert.Contains("contact", invalid.Errors.Keys);
        Assert.Contains("address", invalid.Errors.Keys);

        var email = InformingKit.NewEmail("spam");
        var (status, body) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "email", value = email, reason = "Розсилає спам" });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        var blocked = await Assert.ThrowsAsync<RuleViolationException>(() => app.SubscribeAsync(
            new SubscribeInput(SubscriptionChannel.Email, email.ToUpperInvariant(), SubscriptionScope.Street, null, place.StreetId, null, null, null)));
        Assert.Equal("contactBlocked", blocked.Code);
        Assert.Empty(await InformingKit.SubscriptionsAsync(app, email));

        var chat = InformingKit.NewChat();
        await app.TelegramAsync(chat, SubscriptionScope.Street, place.StreetId);
        (status, body) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "telegram", value = chat.ToString(), reason = "Образи" });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        // Blocked after subscribing: left out of broadcasts.
        var (_, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { areas = new[] { new { kind = "street", streetId = place.StreetId } } });
        Assert.Equal(0, Reach(reach));
    }

    [Fact]
    public async Task Broadcast_Authorisation_OnTheServer()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var own = await InformingKit.ExecutorAsync(app, "Водоканал");
        var other = await InformingKit.ExecutorAsync(app, "Теплоенерго");
        var outage = await InformingKit.OutageAsync(app, own, new { kind = "street", streetId = place.StreetId });
        await app.TelegramAsync(InformingKit.NewChat(), SubscriptionScope.Street, place.StreetId);
        var executor = app.Client(await app.CreateKeyAsync(Roles.Executor, own));
        var stranger = app.Client(await app.CreateKeyAsync(Roles.Executor, other));
        var leadership = app.Client(await app.CreateKeyAsync(Roles.Leadership));
        var operatorClient = app.Client(await app.CreateKeyAsync(Roles.Operator));
        var supervisor = app.Client(await app.CreateKeyAsync(Roles.Supervisor));
        object Send(long? outageId, object[]? areas) => new { requestKey = Guid.NewGuid(), outageId, areas, text = "Воду подано." };
        var street = new object[] { new { kind = "street", streetId = place.StreetId } };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync("/api/v1/broadcasts", Send(outage, null))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await executor.PostJsonAsync("/api/v1/broadcasts", Send(null, street))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.GetJsonAsync("/api/v1/broadcasts")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(null).PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage })).Status);

        var (status, sent) = await executor.PostJsonAsync("/api/v1/broadcasts", Send(outage, null));
        Assert.True(status == HttpStatusCode.Created, sent.ToString());
        Assert.Equal(1, sent.GetProperty("recipients").GetInt32());
        (status, sent) = await operatorClient.PostJsonAsync("/api/v1/broadcasts", Send(null, street));
        Assert.True(status == HttpStatusCode.Created, sent.ToString());
        (status, sent) = await supervisor.PostJsonAsync("/api/v1/broadcasts", Send(outage, null));
        Assert.True(status == HttpStatusCode.Created, sent.ToString());

        // History: the executor sees the broadcasts about its outages only; the stranger none of them.
        var (_, mine) = await executor.GetJsonAsync("/api/v1/broadcasts");
        Assert.All(mine.EnumerateArray(), b => Assert.Equal(outage, b.GetProperty("outageId").GetInt64()));
        Assert.Equal(2, mine.EnumerateArray().Count(b => b.GetProperty("outageId").GetInt64() == outage));
        var (_, theirs) = await stranger.GetJsonAsync("/api/v1/broadcasts");
        Assert.DoesNotContain(theirs.EnumerateArray(), b => b.GetProperty("outageId").ValueKind == JsonValueKind.Number && b.GetProperty("outageId").GetInt64() == outage);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetJsonAsync($"/api/v1/broadcasts/{sent.GetProperty("id").GetInt64()}")).Status);
    }

    [Fact]
    public async Task Broadcast_SameRequestKeyTwice_QueuedOnce_InvalidListsFields()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        for (var i = 0; i < 3; i++)
            await app.TelegramAsync(InformingKit.NewChat(), SubscriptionScope.District, place.DistrictId);
        var body = new { requestKey = Guid.NewGuid(), areas = new[] { new { kind = "district", districtId = place.DistrictId } }, text = "Завтра з 9:00 до 13:00 не буде світла." };
        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Admin().PostJsonAsync("/api/v1/broadcasts", body)));
        Assert.All(first, r => Assert.True(r.Status == HttpStatusCode.Created, r.Body.ToString()));
        Assert.Single(first.Select(r => r.Body.GetProperty("id").GetInt64()).Distinct());
        var id = first[0].Body.GetProperty("id").GetInt64();
        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.BroadcastId == id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains("/subscribe/stop?token=", r.Body));
        var (status, view) = await app.Admin().GetJsonAsync($"/api/v1/broadcasts/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, view.GetProperty("recipients").GetInt32());
        Assert.Equal(3, view.GetProperty("pending").GetInt32());

        var (bad, errors) = await app.Admin().PostJsonAsync("/api/v1/broadcasts", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        foreach (var field in new[] { "requestKey", "text", "areas" })
            Assert.True(errors.GetProperty("errors").TryGetProperty(field, out _), $"{field} missing in {errors}");
    }
}

public sealed class InformingSubscriptionTests_Sqlite(SqliteApp app) : InformingSubscriptionTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class InformingSubscriptionTests_Postgres(PostgresApp app) : InformingSubscriptionTests<PostgresApp>(app), IClassFixture<PostgresApp>;
