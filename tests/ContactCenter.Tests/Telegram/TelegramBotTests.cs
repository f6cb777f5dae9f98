using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Telegram;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Infrastructure;
using ContactCenter.Tests.Outages;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Telegram;

public abstract class TelegramBotTests<TApp>(TApp app) where TApp : TelegramApp
{
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 0xD9];

    private static BotCall Last(IReadOnlyList<BotCall> calls) => calls.Last(c => c.Method == "sendMessage");

    /// <summary>From /start to the confirmation summary: water, a text, an address, one photo, the user's own contact, a name.</summary>
    private async Task<BotCall> ToSummaryAsync(TelegramUser user, string phone)
    {
        var calls = await user.TextAsync("/start");
        Assert.Contains("Вітаємо", Last(calls).Text);
        Assert.Contains(Last(calls).KeyboardButtons, b => b.GetProperty("text").GetString() == BotText.MenuSubmit);

        calls = await user.TextAsync(BotText.MenuSubmit);
        var categories = TelegramUser.LastWithButtons(calls);
        Assert.Contains("cat|utilities", categories.CallbackData);

        calls = await user.TapAsync(categories, "cat|utilities");
        var sub = Assert.Single(calls, c => c.Method == "editMessageText");
        Assert.Contains("cat|utilities.water", sub.CallbackData);

        calls = await user.TapAsync(categories, "cat|utilities.water");
        Assert.Contains("Водопостачання", Last(calls).Text);

        calls = await user.TextAsync("Ні");
        Assert.Contains("закороткий", Last(calls).Text);
        calls = await user.TextAsync("Третій день немає холодної води в під'їзді");
        Assert.Contains("Де саме", Last(calls).Text);

        calls = await user.TextAsync("вул. Соборна, 5");
        Assert.Contains("фото", Last(calls).Text);
        calls = await user.PhotoAsync(Jpeg);
        Assert.Contains("Фото додано (1 з 5)", Last(calls).Text);
        calls = await user.TextAsync(BotText.Next);
        Assert.Contains(Last(calls).KeyboardButtons, b => b.TryGetProperty("request_contact", out var rc) && rc.GetBoolean());

        calls = await user.ContactAsync("+380671112233", ownerId: user.Id + 1);
        Assert.Contains("власний номер", Last(calls).Text);
        calls = await user.ContactAsync(phone);
        Assert.Contains("прізвище, ім'я та по батькові", Last(calls).Text);

        calls = await user.TextAsync("Анонім");
        Assert.Contains("Анонімні звернення не розглядаються", Last(calls).Text);
        calls = await user.TextAsync("Коваленко Олена Петрівна");
        Assert.Contains("адресу вашого проживання", Last(calls).Text);

        calls = await user.TextAsync(BotText.SameAddress);
        var summary = TelegramUser.LastWithButtons(calls);
        Assert.Contains("Тема: Водопостачання", summary.Text);
        Assert.Contains("Фото: 1", summary.Text);
        Assert.Equal(["sub|ok", "sub|no"], summary.CallbackData);
        return summary;
    }

    private static string NumberFrom(BotCall registered) =>
        System.Text.RegularExpressions.Regex.Match(registered.Text!, "№ (\\S+)\\.").Groups[1].Value;

    [Fact]
    public async Task Submit_WholeConversation_RegistersAppealWithPhotoAndContact()
    {
        var user = new TelegramUser(app);
        var phone = Appeals.NewPhone();
        var summary = await ToSummaryAsync(user, phone);

        var calls = await user.TapAsync(summary, "sub|ok");
        var registered = Last(calls);
        Assert.Contains("зареєстровано за №", registered.Text);
        var number = NumberFrom(registered);

        var appeal = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.RegistrationNumber == number));
        Assert.Equal(Channel.Telegram, appeal.Channel);
        Assert.Equal(user.IdText, appeal.Applicant.TelegramId);
        Assert.Equal(phone, appeal.Applicant.Phone);
        Assert.Equal("Коваленко Олена Петрівна", appeal.Applicant.FullName);
        Assert.Equal("вул. Соборна, 5", appeal.Applicant.Address);
        Assert.Equal("utilities.water", appeal.Questions.Single().CategoryCode);
        Assert.Equal("вул. Соборна, 5", appeal.Questions.Single().Location.Address);
        var attachment = Assert.Single(await app.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.AppealId == appeal.Id).ToListAsync()));
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.Equal(Jpeg.Length, attachment.Size);
        Assert.Contains(app.Bot.Calls, c => c.Method == "getFile");
        // The draft is gone; a second tap on the old summary registers nothing.
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TelegramDraftFile>().CountAsync(f => f.ChatId == user.Id)));
        calls = await user.TapAsync(summary, "sub|ok");
        Assert.DoesNotContain(calls, c => c.Text?.Contains("зареєстровано") == true);
        Assert.Equal(1, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Applicant.TelegramId == user.IdText)));
    }

    [Fact]
    public async Task Submit_WithSharedLocation_KeepsCoordinates()
    {
        var user = new TelegramUser(app);
        var categories = TelegramUser.LastWithButtons(await user.TextAsync(BotText.MenuSubmit));
        await user.TapAsync(categories, "cat|utilities.water");
        await user.TextAsync("Тече вода з люка посеред дороги");
        await user.LocationAsync(50.4501, 30.5234);
        await user.TextAsync(BotText.Next);
        await user.ContactAsync(Appeals.NewPhone());
        await user.TextAsync("Петренко Іван");
        var calls = await user.TextAsync("вул. Хрещатик, 1, кв. 3");
        var summary = TelegramUser.LastWithButtons(calls);
        Assert.Contains("геолокація 50.4501, 30.5234", summary.Text);
        var number = NumberFrom(Last(await user.TapAsync(summary, "sub|ok")));
        var question = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Appeal!.RegistrationNumber == number));
        Assert.Equal(50.4501, question.Location.Lat!.Value, 4);
        Assert.Equal(30.5234, question.Location.Long!.Value, 4);
    }

    [Fact]
    public async Task MyAppeals_ListsOwnAppealsWithStatusAndDeadline_AndLinkingFindsPhoneAppeals()
    {
        var user = new TelegramUser(app);
        var calls = await user.TextAsync(BotText.MenuMine);
        Assert.Contains("Звернень не знайдено", Last(calls).Text);

        // One by the bot's channel, one by phone with the same number (found once the user shares it).
        var phone = Appeals.NewPhone();
        var byBot = Appeals.Valid();
        byBot["channel"] = "telegram";
        ((Dictionary<string, object?>)byBot["applicant"]!)["telegramId"] = user.IdText;
        var first = Cast.Number(await app.Admin().RegisterAsync(byBot));
        var second = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid(phone: phone)));

        calls = await user.TextAsync(BotText.MenuMine);
        var list = Last(calls).Text!;
        Assert.Contains(first, list);
        Assert.Contains("Статус: Зареєстровано", list);
        Assert.Contains("Термін розгляду: до ", list);
        Assert.DoesNotContain(second, list);

        calls = await user.TextAsync(BotText.MenuNotify);
        Assert.Contains(Last(calls).KeyboardButtons, b => b.TryGetProperty("request_contact", out _));
        calls = await user.ContactAsync(phone);
        Assert.Contains("Знайдено звернень за вашим номером: 1", Last(calls).Text);
        Assert.Equal(user.IdText, await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == second).Select(a => a.Applicant.TelegramId).SingleAsync()));

        calls = await user.TextAsync(BotText.MenuMine);
        Assert.Contains(second, Last(calls).Text);

        // A later appeal by phone with that number is linked too, so its notifications come to the chat.
        var third = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid(phone: phone)));
        Assert.Equal(user.IdText, await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == third).Select(a => a.Applicant.TelegramId).SingleAsync()));
    }

    private async Task<(TelegramUser User, string Number, BotCall Survey)> ResultReportedAsync()
    {
        var cast = await Cast.Of(app);
        var user = new TelegramUser(app);
        var body = Appeals.Valid();
        body["channel"] = "telegram";
        ((Dictionary<string, object?>)body["applicant"]!)["telegramId"] = user.IdText;
        var number = await cast.AssignedAsync(body: body);
        await cast.OkAsync(cast.Executor, number, "accept", null, "inProgress");
        await cast.OkAsync(cast.Executor, number, "result", new { text = "Трубу замінено, воду подано", resultCode = "resolved" }, "resultReported");
        while (await app.DispatchAsync() > 0)
        {
        }
        var survey = Assert.Single(user.New(), c => c.CallbackData.Count > 0);
        Assert.Contains("Трубу замінено", survey.Text);
        Assert.Contains(BotText.SurveyQuestion, survey.Text);
        Assert.Equal([$"sv|{number}||y", $"sv|{number}||n"], survey.CallbackData);
        return (user, number, survey);
    }

    [Fact]
    public async Task Survey_Confirmed_ClosesWithRating_AndASecondTapChangesNothing()
    {
        var (user, number, survey) = await ResultReportedAsync();
        var calls = await user.TapAsync(survey, survey.CallbackData[0]);
        var grades = Assert.Single(calls, c => c.Method == "editMessageReplyMarkup");
        Assert.Contains($"sv|{number}||y|5", grades.CallbackData);
        Assert.Contains(app.Bot.Calls, c => c.Method == "answerCallbackQuery" && c.Text == BotText.SurveyRate);

        calls = await user.TapAsync(survey, $"sv|{number}||y|5");
        var edited = Assert.Single(calls, c => c.Method == "editMessageText");
        Assert.Contains("так, виконано, оцінка 5", edited.Text);
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal!.RegistrationNumber == number));
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.True(q.VerificationConfirmed);
        Assert.Equal(5, q.VerificationRating);
        Assert.Equal("telegram", q.VerificationVia);

        calls = await user.TapAsync(survey, $"sv|{number}||n|1");
        Assert.DoesNotContain(calls, c => c.Method == "editMessageText");
        q = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal!.RegistrationNumber == number));
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal(5, q.VerificationRating);
        var appealId = await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.AppealHistory.CountAsync(h => h.AppealId == appealId && h.Action == "verified")));
    }

    [Fact]
    public async Task Survey_NotConfirmed_ReturnsForRework()
    {
        var (user, number, survey) = await ResultReportedAsync();
        await user.TapAsync(survey, survey.CallbackData[1]);
        var calls = await user.TapAsync(survey, $"sv|{number}||n|2");
        Assert.Contains(calls, c => c.Text?.Contains("доопрацювання") == true);
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal!.RegistrationNumber == number));
        Assert.Equal(AppealStatus.InProgress, q.Status);
        Assert.False(q.VerificationConfirmed);
        Assert.Equal(2, q.VerificationRating);
        Assert.Equal(1, q.ReworkCount);
    }

    [Fact]
    public async Task Survey_SomeoneElsesButton_DoesNothing()
    {
        var (_, number, survey) = await ResultReportedAsync();
        var stranger = new TelegramUser(app);
        await stranger.PostAsync(stranger.CallbackUpdate($"sv|{number}||y|5", survey));
        Assert.Contains(app.Bot.Calls, c => c.Method == "answerCallbackQuery" && c.Text == BotText.SurveyNotYours);
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal!.RegistrationNumber == number));
        Assert.Equal(AppealStatus.ResultReported, q.Status);
    }

    [Fact]
    public async Task DuplicateUpdateId_IsAcknowledgedAndHandledOnce()
    {
        var user = new TelegramUser(app);
        var update = user.MessageUpdate(m => m["text"] = "/start");
        await user.PostAsync(update);
        var again = await user.PostAsync(JsonNode.Parse(update.ToJsonString())!.AsObject());
        Assert.Empty(again);
        Assert.Single(app.Bot.To(user.Id));
        var id = update["update_id"]!.GetValue<long>();
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<TelegramProcessedUpdate>().CountAsync(u => u.UpdateId == id)));
    }

    [Fact]
    public async Task DuplicateConfirm_RacingOnTwoInstances_RegistersOnce()
    {
        var user = new TelegramUser(app);
        var summary = await ToSummaryAsync(user, Appeals.NewPhone());
        var update = user.CallbackUpdate("sub|ok", summary);
        await using var second = new TelegramSecondInstance(app);
        var clients = new[] { app.Webhook(), second.Webhook(), app.Webhook(), second.Webhook() };
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync("/api/v1/telegram/webhook",
            new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Applicant.TelegramId == user.IdText)));
        Assert.Single(user.New(), c => c.Text?.Contains("зареєстровано за №") == true);
    }

    [Fact]
    public async Task Webhook_WrongOrMissingSecret_Is401AndDoesNothing()
    {
        var user = new TelegramUser(app);
        var update = user.MessageUpdate(m => m["text"] = "/start");
        foreach (var client in new[] { app.Webhook("wrong-secret"), app.Webhook(null), app.Webhook(TelegramApp.Secret + "x") })
        {
            var response = await client.PostAsync("/api/v1/telegram/webhook", new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty(app.Bot.To(user.Id));
        var id = update["update_id"]!.GetValue<long>();
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TelegramProcessedUpdate>().CountAsync(u => u.UpdateId == id)));
    }

    [Fact]
    public async Task Blocked_TelegramIdOrPhone_PoliteRefusalAndNothingRegistered()
    {
        var blockedUser = new TelegramUser(app);
        var (status, reply) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "telegram", value = blockedUser.IdText, reason = "Образи операторів" });
        Assert.True(status == HttpStatusCode.Created || status == HttpStatusCode.OK, reply.ToString());
        var calls = await blockedUser.TextAsync(BotText.MenuSubmit);
        Assert.Equal(BotText.Blocked, Last(calls).Text);
        Assert.DoesNotContain(calls, c => c.CallbackData.Count > 0);

        // A blocked phone: refused when shared, and the draft is dropped.
        var phone = Appeals.NewPhone();
        (status, reply) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "phone", value = phone, reason = "Спам" });
        Assert.True(status == HttpStatusCode.Created || status == HttpStatusCode.OK, reply.ToString());
        var user = new TelegramUser(app);
        await user.TextAsync(BotText.MenuSubmit);
        var categories = TelegramUser.LastWithButtons(app.Bot.To(user.Id));
        await user.TapAsync(categories, "cat|utilities.water");
        await user.TextAsync("Третій день немає холодної води в під'їзді");
        await user.TextAsync("вул. Соборна, 5");
        await user.TextAsync(BotText.Next);
        calls = await user.ContactAsync(phone);
        Assert.Equal(BotText.Blocked, Last(calls).Text);
        await user.TextAsync("Коваленко Олена");
        Assert.Equal(0, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Applicant.TelegramId == user.IdText || a.Applicant.TelegramId == blockedUser.IdText)));
    }

    [Fact]
    public async Task Outages_AtTypedAddress_ListsCoveringOutages()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Незалежності");
        await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 3, 9)));
        var user = new TelegramUser(app);
        var calls = await user.TextAsync(BotText.MenuOutages);
        Assert.Contains("Напишіть адресу", Last(calls).Text);
        calls = await user.TextAsync("Незалежності 5");
        var text = Last(calls).Text!;
        Assert.Contains("Відключення за адресою", text);
        Assert.Contains("Холодна вода — аварійне", text);
        Assert.Contains("Пошкодження водогону", text);

        calls = await user.TextAsync(BotText.MenuOutages);
        Assert.Contains(Last(calls).KeyboardButtons, b => b.GetProperty("text").GetString() == "Незалежності 5");
        calls = await user.TextAsync("Незалежності 2");
        Assert.Contains("зараз немає відключень", Last(calls).Text);
    }
}

public sealed class TelegramBotTests_Sqlite(TelegramSqliteApp app) : TelegramBotTests<TelegramSqliteApp>(app), IClassFixture<TelegramSqliteApp>;

public sealed class TelegramBotTests_Postgres(TelegramPostgresApp app) : TelegramBotTests<TelegramPostgresApp>(app), IClassFixture<TelegramPostgresApp>;

public abstract class TelegramPollingTests<TApp>(TApp app) where TApp : TelegramApp
{
    [Fact]
    public async Task LongPolling_HandlesQueuedUpdates_AndConfirmsThemByOffset()
    {
        var user = new TelegramUser(app);
        var start = user.MessageUpdate(m => m["text"] = "/start");
        var mine = user.MessageUpdate(m => m["text"] = BotText.MenuMine);
        var startId = start["update_id"]!.GetValue<long>();
        var mineId = mine["update_id"]!.GetValue<long>();
        app.Bot.Enqueue(startId, start.ToJsonString());
        app.Bot.Enqueue(mineId, mine.ToJsonString());

        // Wait (bounded) for the poller to get there; the assertions below are about what happened, not when.
        for (var i = 0; i < 600 && !app.Bot.Offsets.Contains(mineId + 1); i++)
            await Task.Delay(100);

        var calls = app.Bot.To(user.Id);
        Assert.Equal(2, calls.Count);
        Assert.Contains("Вітаємо", calls[0].Text);
        Assert.Contains("Звернень не знайдено", calls[1].Text);
        Assert.Contains(mineId + 1, app.Bot.Offsets);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<TelegramProcessedUpdate>().CountAsync(u => u.UpdateId == startId || u.UpdateId == mineId)));
    }
}

public sealed class TelegramPollingTests_Sqlite(TelegramPollingSqliteApp app) : TelegramPollingTests<TelegramPollingSqliteApp>(app), IClassFixture<TelegramPollingSqliteApp>;

public sealed class TelegramPollingTests_Postgres(TelegramPollingPostgresApp app) : TelegramPollingTests<TelegramPollingPostgresApp>(app), IClassFixture<TelegramPollingPostgresApp>;
