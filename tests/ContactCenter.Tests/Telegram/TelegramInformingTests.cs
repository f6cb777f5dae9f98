using System.Net;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Control;
using ContactCenter.Features.Informing;
using ContactCenter.Features.Outages;
using ContactCenter.Features.Telegram;
using ContactCenter.Tests.Informing;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Telegram;

/// <summary>The bot with the pieces of other features: outage subscriptions (Features/Informing) and the intake hold (Features/Control).</summary>
public abstract class TelegramInformingTests<TApp>(TApp app) where TApp : TelegramApp
{
    private static BotCall Last(IReadOnlyList<BotCall> calls) => calls.Last(c => c.Method == "sendMessage");

    private Task<List<Subscription>> SubscriptionsAsync(TelegramUser user) =>
        app.WithDbAsync(db => db.Set<Subscription>().AsNoTracking().Where(s => s.Channel == SubscriptionChannel.Telegram && s.Contact == user.IdText)
            .OrderBy(s => s.Id).ToListAsync());

    [Fact]
    public async Task Subscribe_BuildingAndDistrict_ListUnsubscribeAndStop()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var user = new TelegramUser(app);
        var calls = await user.TextAsync(BotText.MenuSubscribe);
        var menu = TelegramUser.LastWithButtons(calls);
        Assert.Equal(["sb|b", "sb|s", "sb|d", "sb|l"], menu.CallbackData);

        calls = await user.TapAsync(menu, "sb|b");
        Assert.Contains("адресу будинку", Last(calls).Text);
        calls = await user.TextAsync($"{place.StreetName}, 5");
        var types = TelegramUser.LastWithButtons(calls);
        Assert.Contains("sb|t|all", types.CallbackData);
        Assert.Contains("sb|t|Water", types.CallbackData);
        calls = await user.TapAsync(types, "sb|t|Water");
        Assert.Contains("Підписку оформлено", Last(calls).Text);
        Assert.Contains("холодна вода", Last(calls).Text);

        var subscription = Assert.Single(await SubscriptionsAsync(user));
        Assert.Equal(SubscriptionScope.Building, subscription.Scope);
        Assert.Equal(place.Building(5), subscription.BuildingId);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal([OutageType.Water], OutageTypeMask.Types(subscription.TypeMask));

        // An unknown building: the service's message, nothing stored.
        calls = await user.TapAsync(menu, "sb|b");
        calls = await user.TextAsync("Неіснуюча вулиця, 999");
        calls = await user.TapAsync(TelegramUser.LastWithButtons(calls), "sb|t|all");
        Assert.Contains("Не вдалося оформити підписку", Last(calls).Text);
        Assert.Single(await SubscriptionsAsync(user));

        calls = await user.TapAsync(menu, "sb|d");
        var districts = TelegramUser.LastWithButtons(calls);
        calls = await user.TapAsync(districts, $"sb|dd|{place.DistrictId}");
        calls = await user.TapAsync(TelegramUser.LastWithButtons(calls), "sb|t|all");
        Assert.Contains("усі види", Last(calls).Text);
        var both = await SubscriptionsAsync(user);
        Assert.Equal(2, both.Count);
        Assert.Equal(place.DistrictId, both[1].DistrictId);

        // The informing feature reaches the bot's subscriber with an outage on that building.
        var executor = await InformingKit.ExecutorAsync(app, "Водоканал (бот)");
        var outage = await InformingKit.OutageAsync(app, executor, new { kind = "buildings", streetId = place.StreetId, buildings = new[] { "5" } });
        var (status, reach) = await app.Admin().PostJsonAsync("/api/v1/broadcasts/reach", new { outageId = outage });
        Assert.True(status == HttpStatusCode.OK, reach.ToString());
        Assert.True(reach.GetProperty("telegram").GetInt32() >= 1, reach.ToString());

        calls = await user.TapAsync(menu, "sb|l");
        var list = TelegramUser.LastWithButtons(calls);
        Assert.Equal([$"sb|x|{both[0].Id}", $"sb|x|{both[1].Id}"], list.CallbackData);
        calls = await user.TapAsync(list, $"sb|x|{both[0].Id}");
        Assert.Equal(BotText.Unsubscribed, Last(calls).Text);
        calls = await user.TapAsync(list, $"sb|x|{both[0].Id}");
        Assert.Equal(BotText.AlreadyUnsubscribed, Last(calls).Text);

        calls = await user.TextAsync("/stop");
        Assert.Equal("Скасовано підписок: 1.", Last(calls).Text);
        Assert.All(await SubscriptionsAsync(user), s => Assert.Equal(SubscriptionStatus.Unsubscribed, s.Status));
    }

    [Fact]
    public async Task Submit_TextWithHateSpeech_IsHeldNotRegistered_AndReleaseRegistersItForTheChat()
    {
        var term = "покидьк" + Guid.NewGuid().ToString("N")[..4];
        var (status, body) = await app.Admin().PostJsonAsync("/api/v1/screening/terms", new { term });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, body.ToString());

        var user = new TelegramUser(app);
        var categories = TelegramUser.LastWithButtons(await user.TextAsync(BotText.MenuSubmit));
        await user.TapAsync(categories, "cat|utilities.water");
        await user.TextAsync($"Ці {term}и з водоканалу знову вимкнули воду");
        await user.TextAsync("вул. Соборна, 7");
        await user.TextAsync(BotText.Next);
        await user.ContactAsync(Appeals.NewPhone());
        await user.TextAsync("Сидоренко Марія");
        var summary = TelegramUser.LastWithButtons(await user.TextAsync(BotText.SameAddress));
        var calls = await user.TapAsync(summary, "sub|ok");
        Assert.Equal(BotText.SubmittedForReview, Last(calls).Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Applicant.TelegramId == user.IdText)));

        var held = await app.WithDbAsync(db => db.Set<HeldIntake>().AsNoTracking().SingleAsync(h => h.TelegramId == user.IdText));
        Assert.Equal("telegram", held.Source);
        Assert.Equal(Channel.Telegram, held.Channel);
        Assert.Contains(term, held.MatchedTerms);

        (status, body) = await app.Admin().PostJsonAsync($"/api/v1/screening/held/{held.Id}/release", null);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var appeal = await app.WithDbAsync(db => db.Appeals.AsNoTracking().SingleAsync(a => a.Applicant.TelegramId == user.IdText));
        Assert.Equal(Channel.Telegram, appeal.Channel);
        Assert.Equal("Сидоренко Марія", appeal.Applicant.FullName);
        while (await app.DispatchAsync() > 0)
        {
        }
        Assert.Contains(user.New(), c => c.Text?.Contains(appeal.RegistrationNumber) == true);
    }
}

public sealed class TelegramInformingTests_Sqlite(TelegramSqliteApp app) : TelegramInformingTests<TelegramSqliteApp>(app), IClassFixture<TelegramSqliteApp>;

public sealed class TelegramInformingTests_Postgres(TelegramPostgresApp app) : TelegramInformingTests<TelegramPostgresApp>(app), IClassFixture<TelegramPostgresApp>;
