using System.Globalization;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Control;
using ContactCenter.Features.Informing;
using ContactCenter.Features.Outages;
using ContactCenter.Features.Portal;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using AppealChannel = ContactCenter.Features.Appeals.Channel;

namespace ContactCenter.Features.Telegram;

/// <summary>What the bot does in answer to one update; done after the update's transaction commits.</summary>
public abstract record BotReply;

public sealed record SendReply(long ChatId, string Text, ReplyMarkup? Markup = null) : BotReply;

public sealed record AnswerCallbackReply(string CallbackQueryId, string? Text) : BotReply;

/// <summary>Replace a message's text and inline keyboard (null text: keyboard only).</summary>
public sealed record EditReply(long ChatId, int MessageId, string? Text, InlineKeyboardMarkup? Markup) : BotReply;

/// <summary>
/// Work that runs after the update's transaction commits, in its own scope, and says what to send: for services that
/// open their own transaction (outage subscriptions). Repeating it is harmless, so a failure only asks the user to retry.
/// </summary>
public sealed record DeferredReply(long ChatId, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<BotReply>>> RunAsync) : BotReply;

/// <summary>A photo downloaded before the transaction (network first, database second).</summary>
public sealed record PrefetchedFile(string FileName, byte[] Data, string? Error);

/// <summary>
/// The conversation (F2.4): menu, submitting an appeal step by step, my appeals, notifications, outages at an address,
/// the quality survey (F6.1). Reads and writes only the database, inside the caller's transaction; says what to send.
/// </summary>
public sealed class TelegramConversation(
    AppDbContext db,
    RegisterAppeal register,
    AttachmentStore attachments,
    AppealWorkflow workflow,
    CategoryDirectory categories,
    BlocklistService blocklist,
    OutageService outages,
    IntakeScreening screening,
    AuditLog audit,
    TimeProvider time,
    IOptions<TelegramBotOptions> options)
{
    public const int MinDescription = 10;
    public const string SurveyPrefix = "sv";

    /// <summary>The bot registers on the resident's behalf, as the portal does (an integration's act).</summary>
    public static readonly Actor BotActor = new(null, "Telegram-бот", Identity.Roles.Integration, null);

    /// <summary>The resident answering the survey: the state machine's Applicant.</summary>
    public static readonly Actor ApplicantActor = new(null, "Заявник (Telegram)", PortalService.ApplicantRole, null);

    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
    private static readonly string[] AnonymousNames = ["анонім", "аноним", "анонімно", "анонимно", "anonymous", "невідомо", "без імені"];

    private readonly List<BotReply> _replies = [];

    public static ReplyKeyboardMarkup MainMenu() => new(new[]
    {
        new[] { new KeyboardButton(BotText.MenuSubmit), new KeyboardButton(BotText.MenuMine) },
        new[] { new KeyboardButton(BotText.MenuOutages), new KeyboardButton(BotText.MenuNotify) },
        new[] { new KeyboardButton(BotText.MenuSubscribe) },
    })
    { ResizeKeyboard = true, IsPersistent = true };

    public async Task<IReadOnlyList<BotReply>> HandleAsync(Update update, IReadOnlyList<PrefetchedFile> files, CancellationToken ct)
    {
        if (update.CallbackQuery is { } callback)
            await OnCallbackAsync(callback, ct);
        else if (update.Message is { Chat.Type: global::Telegram.Bot.Types.Enums.ChatType.Private, From: not null } message)
            await OnMessageAsync(message, files, ct);
        return _replies;
    }

    // ---- messages ----

    private async Task OnMessageAsync(Message m, IReadOnlyList<PrefetchedFile> files, CancellationToken ct)
    {
        var chat = await ChatAsync(m.Chat.Id, ct);
        var text = m.Text?.Trim();
        string? sharedPhone = null;
        if (m.Contact is { } contact && contact.UserId == m.From!.Id)
            sharedPhone = PhoneNormalizer.TryNormalize(contact.PhoneNumber);
        if (await BlockedAsync(chat, sharedPhone, ct))
        {
            await ResetAsync(chat, ct);
            Say(chat, BotText.Blocked, MainMenu());
            return;
        }

        switch (text)
        {
            case "/start" or "/menu" or "/help":
                await ResetAsync(chat, ct);
                Say(chat, BotText.Welcome, MainMenu());
                return;
            case BotText.Cancel or "/cancel":
                await ResetAsync(chat, ct);
                Say(chat, BotText.Cancelled, MainMenu());
                return;
            case BotText.MenuSubmit or "/new":
                await StartSubmitAsync(chat, ct);
                return;
            case BotText.MenuMine or "/my":
                await ResetAsync(chat, ct);
                await MyAppealsAsync(chat, ct);
                return;
            case BotText.MenuNotify or "/notify":
                await ResetAsync(chat, ct);
                if (chat.Phone is null)
                {
                    chat.State = TelegramChatState.LinkPhone;
                    Say(chat, BotText.LinkAskPhone, PhoneKeyboard());
                }
                else
                {
                    await LinkAsync(chat, ct);
                }
                return;
            case BotText.MenuSubscribe or "/subscribe":
                await ResetAsync(chat, ct);
                Say(chat, BotText.SubscribeIntro, SubscribeMenu());
                return;
            case "/stop":
                await ResetAsync(chat, ct);
                Defer(chat, async (sp, token) =>
                {
                    var ended = await sp.GetRequiredService<SubscriptionService>().UnsubscribeAllAsync(SubscriptionChannel.Telegram, Contact(chat), token);
                    return [new SendReply(chat.ChatId, Format(BotText.UnsubscribedAll, ended), MainMenu())];
                });
                return;
            case BotText.MenuOutages or "/outages":
                await ResetAsync(chat, ct);
                chat.State = TelegramChatState.OutageAddress;
                Say(chat, chat.LastAddress is null ? BotText.AskOutageAddress : BotText.AskOutageAddressOrLast,
                    chat.LastAddress is { } last ? Keyboard([last], [BotText.Cancel]) : Keyboard([BotText.Cancel]));
                return;
        }

        var draft = Draft(chat);
        switch (chat.State)
        {
            case TelegramChatState.Category:
                Say(chat, BotText.ChooseCategoryByButton);
                break;
            case TelegramChatState.Text:
                if (text is null)
                {
                    Say(chat, BotText.TextRequired);
                }
                else if (text.Length < MinDescription)
                {
                    Say(chat, Format(BotText.TextTooShort, MinDescription));
                }
                else if (text.Length > RegisterAppeal.MaxDescription)
                {
                    Say(chat, Format(BotText.TextTooLong, RegisterAppeal.MaxDescription));
                }
                else
                {
                    draft.Description = text;
                    Save(chat, draft, TelegramChatState.Place);
                    Say(chat, BotText.AskPlace, new ReplyKeyboardMarkup(new[]
                    {
                        new[] { KeyboardButton.WithRequestLocation(BotText.SendLocation) },
                        new[] { new KeyboardButton(BotText.Cancel) },
                    })
                    { ResizeKeyboard = true });
                }
                break;
            case TelegramChatState.Place:
                if (m.Location is { } location)
                {
                    draft.Lat = location.Latitude;
                    draft.Long = location.Longitude;
                }
                else if (text is { Length: >= 5 and <= 500 })
                {
                    draft.Address = text;
                    chat.LastAddress = text;
                }
                else
                {
                    Say(chat, BotText.AddressTooShort);
                    break;
                }
                Save(chat, draft, TelegramChatState.Photos);
                AskPhotos(chat);
                break;
            case TelegramChatState.Photos:
                await OnPhotoStepAsync(chat, draft, text, files, ct);
                break;
            case TelegramChatState.Phone:
            case TelegramChatState.LinkPhone:
                if (m.Contact is null)
                {
                    Say(chat, BotText.PhoneByButton, PhoneKeyboard());
                }
                else if (m.Contact.UserId != m.From!.Id)
                {
                    Say(chat, BotText.PhoneNotYours, PhoneKeyboard());
                }
                else if (sharedPhone is null)
                {
                    Say(chat, BotText.PhoneInvalid, PhoneKeyboard());
                }
                else
                {
                    chat.Phone = sharedPhone;
                    if (chat.State == TelegramChatState.LinkPhone)
                    {
                        chat.State = TelegramChatState.Idle;
                        await LinkAsync(chat, ct);
                    }
                    else
                    {
                        AskName(chat);
                    }
                }
                break;
            case TelegramChatState.Name:
                if (ValidateName(text) is { } nameError)
                {
                    Say(chat, nameError);
                    break;
                }
                chat.FullName = string.Join(' ', text!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                AskHomeAddress(chat, draft);
                break;
            case TelegramChatState.HomeAddress:
                var home = text == BotText.SameAddress ? draft.Address : text;
                if (home is not { Length: >= 5 and <= 500 })
                {
                    Say(chat, BotText.AddressTooShort);
                    break;
                }
                chat.HomeAddress = home;
                await ShowSummaryAsync(chat, draft, ct);
                break;
            case TelegramChatState.Confirm:
                if (text == BotText.Confirm)
                    await SubmitAsync(chat, draft, null, ct);
                else
                    Say(chat, BotText.ConfirmByButton);
                break;
            case TelegramChatState.OutageAddress:
                if (text is not { Length: >= 3 and <= 500 })
                {
                    Say(chat, BotText.AddressTooShort);
                    break;
                }
                await OutagesAtAsync(chat, text, ct);
                break;
            case TelegramChatState.SubscribeAddress:
                if (text is not { Length: >= 3 and <= 300 })
                {
                    Say(chat, BotText.AddressTooShort);
                    break;
                }
                draft.SubscribeAddress = text;
                Save(chat, draft, TelegramChatState.SubscribeTypes);
                Say(chat, BotText.SubscribeChooseType, TypeButtons());
                break;
            case TelegramChatState.SubscribeTypes:
                Say(chat, BotText.ChooseCategoryByButton);
                break;
            default:
                Say(chat, BotText.MenuHint, MainMenu());
                break;
        }
    }

    // ---- outage subscriptions (F8.3, Features/Informing) ----

    private static InlineKeyboardMarkup SubscribeMenu() => new(new[]
    {
        new[] { InlineKeyboardButton.WithCallbackData(BotText.SubscribeBuilding, "sb|b"), InlineKeyboardButton.WithCallbackData(BotText.SubscribeStreet, "sb|s") },
        new[] { InlineKeyboardButton.WithCallbackData(BotText.SubscribeDistrict, "sb|d"), InlineKeyboardButton.WithCallbackData(BotText.SubscribeList, "sb|l") },
    });

    private static InlineKeyboardMarkup TypeButtons()
    {
        var types = Enum.GetValues<OutageType>()
            .Select(t => InlineKeyboardButton.WithCallbackData(PortalText.T("outage.type." + t), "sb|t|" + t))
            .Chunk(2);
        return new(new[] { new[] { InlineKeyboardButton.WithCallbackData(BotText.SubscribeAllTypes, "sb|t|all") } }.Concat(types));
    }

    private static string Contact(TelegramChat chat) => chat.ChatId.ToString(CultureInfo.InvariantCulture);

    private void Defer(TelegramChat chat, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<BotReply>>> work) =>
        _replies.Add(new DeferredReply(chat.ChatId, async (sp, token) =>
        {
            try
            {
                return await work(sp, token);
            }
            catch (AppValidationException e)
            {
                return [new SendReply(chat.ChatId, Format(BotText.SubscribeFailed, string.Join("\n", e.Errors.SelectMany(x => x.Value).Distinct().Select(x => "• " + x))), MainMenu())];
            }
            catch (RuleViolationException e)
            {
                return [new SendReply(chat.ChatId, Format(BotText.SubscribeFailed, "• " + e.Message), MainMenu())];
            }
        }));

    private async Task OnSubscribeCallbackAsync(CallbackQuery callback, TelegramChat chat, TelegramDraft draft, string[] parts, CancellationToken ct)
    {
        Answer(callback, null);
        switch (parts)
        {
            case ["sb", "b" or "s"]:
                draft = new TelegramDraft { SubscribeScope = parts[1] == "b" ? nameof(SubscriptionScope.Building) : nameof(SubscriptionScope.Street) };
                Save(chat, draft, TelegramChatState.SubscribeAddress);
                Say(chat, parts[1] == "b" ? BotText.SubscribeAskBuilding : BotText.SubscribeAskStreet,
                    chat.LastAddress is { } last && parts[1] == "b" ? Keyboard([last], [BotText.Cancel]) : Keyboard([BotText.Cancel]));
                return;
            case ["sb", "d"]:
                var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).Take(60).ToListAsync(ct);
                if (districts.Count == 0)
                {
                    Say(chat, BotText.SubscribeNoDistricts, MainMenu());
                    return;
                }
                Say(chat, BotText.SubscribeChooseDistrict, new InlineKeyboardMarkup(districts.Select(d => new[]
                {
                    InlineKeyboardButton.WithCallbackData(d.Name, "sb|dd|" + d.Id.ToString(CultureInfo.InvariantCulture)),
                })));
                return;
            case ["sb", "dd", var id] when int.TryParse(id, CultureInfo.InvariantCulture, out var districtId):
                draft = new TelegramDraft { SubscribeScope = nameof(SubscriptionScope.District), SubscribeDistrictId = districtId };
                Save(chat, draft, TelegramChatState.SubscribeTypes);
                Say(chat, BotText.SubscribeChooseType, TypeButtons());
                return;
            case ["sb", "t", var type] when chat.State == TelegramChatState.SubscribeTypes && Enum.TryParse<SubscriptionScope>(draft.SubscribeScope, out var scope):
                IReadOnlyList<OutageType>? types = type == "all" ? null : Enum.TryParse<OutageType>(type, out var one) ? [one] : null;
                var input = new SubscribeInput(SubscriptionChannel.Telegram, Contact(chat), scope, null, null, draft.SubscribeDistrictId, draft.SubscribeAddress, types);
                await ResetAsync(chat, ct);
                if (callback.Message is { } typeMenu)
                    _replies.Add(new EditReply(chat.ChatId, typeMenu.Id, null, null));
                Defer(chat, async (sp, token) =>
                {
                    var result = await sp.GetRequiredService<SubscriptionService>().SubscribeAsync(input, token);
                    var kinds = result.Subscription.Types.Count == Enum.GetValues<OutageType>().Length
                        ? BotText.SubscribeAllTypes.ToLowerInvariant()
                        : string.Join(", ", result.Subscription.Types.Select(t => PortalText.T("outage.type." + t).ToLowerInvariant()));
                    return [new SendReply(chat.ChatId, Format(BotText.Subscribed, result.Subscription.Place, kinds), MainMenu())];
                });
                return;
            case ["sb", "l"]:
                var contact = Contact(chat);
                var list = await db.Set<Subscription>().AsNoTracking()
                    .Where(x => x.Channel == SubscriptionChannel.Telegram && x.Contact == contact && x.Status != SubscriptionStatus.Unsubscribed)
                    .OrderBy(x => x.Id).Select(x => new { x.Id, x.PlaceLabel }).ToListAsync(ct);
                if (list.Count == 0)
                {
                    Say(chat, BotText.SubscriptionsNone, MainMenu());
                    return;
                }
                Say(chat, BotText.SubscriptionsHeader, new InlineKeyboardMarkup(list.Select(x => new[]
                {
                    InlineKeyboardButton.WithCallbackData("✖ " + x.PlaceLabel, "sb|x|" + x.Id.ToString(CultureInfo.InvariantCulture)),
                })));
                return;
            case ["sb", "x", var sid] when long.TryParse(sid, CultureInfo.InvariantCulture, out var subscriptionId):
                if (callback.Message is { } listMessage)
                    _replies.Add(new EditReply(chat.ChatId, listMessage.Id, null, null));
                Defer(chat, async (sp, token) =>
                {
                    var ended = await sp.GetRequiredService<SubscriptionService>().UnsubscribeAsync(SubscriptionChannel.Telegram, Contact(chat), subscriptionId, token);
                    return [new SendReply(chat.ChatId, ended ? BotText.Unsubscribed : BotText.AlreadyUnsubscribed, MainMenu())];
                });
                return;
            default:
                Say(chat, BotText.UnknownButton);
                return;
        }
    }

    private async Task StartSubmitAsync(TelegramChat chat, CancellationToken ct)
    {
        await ResetAsync(chat, ct);
        var roots = (await categories.AllAsync(ct)).Values.Where(c => c.IsActive && c.ParentCode is null)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
        if (roots.Count == 0)
        {
            Say(chat, BotText.NoCategories, MainMenu());
            return;
        }
        chat.State = TelegramChatState.Category;
        // The first message switches the reply keyboard to «Скасувати»; the second carries the inline buttons.
        Say(chat, BotText.SubmitStarted, Keyboard([BotText.Cancel]));
        Say(chat, BotText.ChooseCategory, CategoryButtons(roots));
    }

    private static InlineKeyboardMarkup CategoryButtons(IEnumerable<Category> list) =>
        new(list.Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Name, "cat|" + c.Code) }));

    private async Task OnPhotoStepAsync(TelegramChat chat, TelegramDraft draft, string? text, IReadOnlyList<PrefetchedFile> files, CancellationToken ct)
    {
        var max = options.Value.MaxPhotos;
        if (files.Count > 0)
        {
            var count = await db.Set<TelegramDraftFile>().CountAsync(f => f.ChatId == chat.ChatId, ct);
            foreach (var file in files)
            {
                if (file.Error is { } error)
                {
                    Say(chat, error);
                    continue;
                }
                if (count >= max)
                {
                    Say(chat, Format(BotText.PhotoLimit, max));
                    break;
                }
                var type = FileSignatures.Detect(file.Data, file.FileName);
                if (type is not ("image/jpeg" or "image/png" or "image/webp"))
                {
                    Say(chat, BotText.PhotoType);
                    continue;
                }
                db.Add(new TelegramDraftFile { ChatId = chat.ChatId, FileName = file.FileName, ContentType = type, Data = file.Data, ReceivedAt = time.GetUtcNow() });
                count++;
                Say(chat, Format(BotText.PhotoAdded, count, max));
            }
            return;
        }
        if (text == BotText.Next)
        {
            AskPhoneOrName(chat);
            return;
        }
        Say(chat, BotText.PhotosOrNext);
    }

    private void AskPhotos(TelegramChat chat)
    {
        if (options.Value.MaxPhotos == 0)
        {
            AskPhoneOrName(chat);
            return;
        }
        Say(chat, Format(BotText.AskPhotos, options.Value.MaxPhotos), Keyboard([BotText.Next], [BotText.Cancel]));
    }

    private void AskPhoneOrName(TelegramChat chat)
    {
        if (chat.Phone is null)
        {
            chat.State = TelegramChatState.Phone;
            Say(chat, BotText.AskPhone, PhoneKeyboard());
        }
        else
        {
            AskName(chat);
        }
    }

    private void AskName(TelegramChat chat)
    {
        chat.State = TelegramChatState.Name;
        Say(chat, BotText.AskName, chat.FullName is { } saved ? Keyboard([saved], [BotText.Cancel]) : Keyboard([BotText.Cancel]));
    }

    private void AskHomeAddress(TelegramChat chat, TelegramDraft draft)
    {
        chat.State = TelegramChatState.HomeAddress;
        var options = new List<string>();
        if (chat.HomeAddress is { } saved)
            options.Add(saved);
        if (draft.Address is { } place && place != chat.HomeAddress)
            options.Add(BotText.SameAddress);
        Say(chat, BotText.AskHomeAddress, options.Count > 0 ? Keyboard([.. options], [BotText.Cancel]) : Keyboard([BotText.Cancel]));
    }

    private async Task ShowSummaryAsync(TelegramChat chat, TelegramDraft draft, CancellationToken ct)
    {
        chat.State = TelegramChatState.Confirm;
        var photos = await db.Set<TelegramDraftFile>().CountAsync(f => f.ChatId == chat.ChatId, ct);
        var text = Format(BotText.Summary, draft.CategoryName, draft.Description, Place(draft), photos, chat.Phone ?? "—", chat.FullName, chat.HomeAddress);
        Say(chat, BotText.AlmostDone, Keyboard([BotText.Cancel]));
        Say(chat, text, new InlineKeyboardMarkup(new[]
        {
            InlineKeyboardButton.WithCallbackData(BotText.Confirm, "sub|ok"),
            InlineKeyboardButton.WithCallbackData(BotText.Cancel, "sub|no"),
        }));
    }

    private static string Place(TelegramDraft draft) =>
        draft.Address ?? (draft.Lat is { } lat && draft.Long is { } lon
            ? Format(BotText.Location, lat.ToString("0.#####", CultureInfo.InvariantCulture), lon.ToString("0.#####", CultureInfo.InvariantCulture))
            : "—");

    private async Task SubmitAsync(TelegramChat chat, TelegramDraft draft, CallbackQuery? callback, CancellationToken ct)
    {
        if (await BlockedAsync(chat, null, ct))
        {
            await ResetAsync(chat, ct);
            Say(chat, BotText.Blocked, MainMenu());
            return;
        }
        var request = new RegisterAppealRequest(
            AppealChannel.Telegram, AppealKind.Application, AppealForm.Electronic,
            new ApplicantInput(chat.FullName, chat.Phone, null, chat.HomeAddress, null, null, null, null, chat.ChatId.ToString(CultureInfo.InvariantCulture)),
            false, null, draft.CategoryCode, draft.Description, new LocationInput(draft.Address, null, draft.Lat, draft.Long),
            null, null, null, false, null, null, null, null);
        // F5.4: the one intake gate (Features/Control): a blocked contact is refused, a text with a hate-speech term is
        // held for an operator, who registers it on release (the request and the photos are kept with it).
        var photos = await db.Set<TelegramDraftFile>().AsNoTracking().Where(f => f.ChatId == chat.ChatId).OrderBy(f => f.Id)
            .Select(f => new IntakeFile(f.FileName, f.ContentType, f.Data)).ToListAsync(ct);
        var screened = await screening.ScreenAsync(new IntakeCandidate("telegram", AppealChannel.Telegram, chat.FullName, chat.Phone, null,
            Contact(chat), draft.Description, request, SourceRef: Contact(chat), Files: photos), save: false, ct);
        if (screened.Verdict != ScreeningVerdict.Allow)
        {
            await ResetAsync(chat, ct);
            if (callback?.Message is { } held)
                _replies.Add(new EditReply(chat.ChatId, held.Id, held.Text + BotText.ConfirmedMark, null));
            Say(chat, screened.Verdict == ScreeningVerdict.Refuse ? BotText.Blocked : BotText.SubmittedForReview, MainMenu());
            return;
        }
        Appeal appeal;
        try
        {
            appeal = (await register.HandleAsync(request, BotActor, ct)).Appeal;
        }
        catch (AppValidationException e)
        {
            var lines = string.Join("\n", e.Errors.SelectMany(x => x.Value).Distinct().Select(x => "• " + x));
            Say(chat, Format(BotText.RegisterFailed, lines), MainMenu());
            await ResetAsync(chat, ct);
            return;
        }
        var files = await db.Set<TelegramDraftFile>().Where(f => f.ChatId == chat.ChatId).OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var f in files)
        {
            using var stream = new MemoryStream(f.Data);
            var form = new FormFile(stream, 0, f.Data.Length, "file", f.FileName) { Headers = new HeaderDictionary(), ContentType = f.ContentType };
            await attachments.AddAsync(appeal.RegistrationNumber, null, form, false, BotActor, ct);
        }
        await ResetAsync(chat, ct);
        if (callback?.Message is { } message)
            _replies.Add(new EditReply(chat.ChatId, message.Id, message.Text + BotText.ConfirmedMark, null));
        Say(chat, appeal.DueAt is { } due
            ? Format(BotText.Registered, appeal.RegistrationNumber, LocalDate(due))
            : Format(BotText.RegisteredNoDue, appeal.RegistrationNumber), MainMenu());
    }

    private async Task MyAppealsAsync(TelegramChat chat, CancellationToken ct)
    {
        var id = chat.ChatId.ToString(CultureInfo.InvariantCulture);
        var phone = chat.Phone;
        var list = await db.Appeals.AsNoTracking()
            .Where(a => a.Applicant.TelegramId == id || (phone != null && a.Applicant.Phone == phone))
            .OrderByDescending(a => a.ReceivedAt).Take(10)
            .Select(a => new { a.RegistrationNumber, a.ReceivedAt, a.Status, a.DueAt, a.Description })
            .ToListAsync(ct);
        if (list.Count == 0)
        {
            Say(chat, BotText.MineNone, MainMenu());
            return;
        }
        audit.Add(BotActor, "read", "appeal", null, $"telegram: own appeals, {list.Count}");
        var now = time.GetUtcNow();
        var lines = list.Select(a =>
        {
            var line = Format(BotText.MineLine, a.RegistrationNumber, LocalDate(a.ReceivedAt), Short(a.Description), PortalText.Status(a.Status));
            if (a.DueAt is { } due && a.Status is not (AppealStatus.Closed or AppealStatus.Rejected or AppealStatus.Forwarded))
                line += "\n" + Format(due < now ? BotText.MineOverdue : BotText.MineDue, LocalDate(due));
            return line;
        });
        Say(chat, BotText.MineHeader + "\n\n" + string.Join("\n\n", lines), MainMenu());
    }

    /// <summary>Links the chat to the applicant's appeals found by the shared phone, so their notifications come here.</summary>
    private async Task LinkAsync(TelegramChat chat, CancellationToken ct)
    {
        chat.Linked = true;
        var linked = await LinkAppealsAsync(db, audit, time, chat.ChatId, chat.Phone!, ct);
        Say(chat, Format(BotText.Linked, linked), MainMenu());
    }

    /// <summary>Open appeals with this phone and no Telegram contact get this chat as their contact (audited).</summary>
    public static async Task<int> LinkAppealsAsync(AppDbContext db, AuditLog audit, TimeProvider time, long chatId, string phone, CancellationToken ct)
    {
        var appeals = await db.Appeals.Include(a => a.Questions)
            .Where(a => a.Applicant.Phone == phone && a.Applicant.TelegramId == null && a.Status != AppealStatus.Closed)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var appeal in appeals)
        {
            appeal.Applicant.TelegramId = chatId.ToString(CultureInfo.InvariantCulture);
            AppealProjection.Touch(appeal, now);
            audit.Add(BotActor, "update", "appeal", appeal.RegistrationNumber, "applicant linked a Telegram chat for notifications");
        }
        return appeals.Count;
    }

    private async Task OutagesAtAsync(TelegramChat chat, string address, CancellationToken ct)
    {
        var found = await outages.AtAsync(address, null, ct);
        if (found.Address is null)
        {
            Say(chat, Format(BotText.OutageAddressUnknown, address));
            return;
        }
        chat.LastAddress = address;
        chat.State = TelegramChatState.Idle;
        if (found.Outages.Count == 0)
        {
            Say(chat, Format(BotText.OutagesNone, found.Address), MainMenu());
            return;
        }
        var lines = found.Outages.Take(10).Select(o =>
        {
            var line = Format(BotText.OutageLine, PortalText.T("outage.type." + o.Type), o.Kind == OutageKind.Emergency ? BotText.OutageEmergency : BotText.OutagePlanned,
                o.Information, LocalDateTime(o.StartsAt));
            if (o.ExpectedEndAt is { } end)
                line += "\n" + Format(BotText.OutageEnd, LocalDateTime(end));
            return line;
        });
        Say(chat, Format(BotText.OutagesHeader, found.Address) + "\n\n" + string.Join("\n\n", lines), MainMenu());
    }

    // ---- callbacks (inline buttons) ----

    private async Task OnCallbackAsync(CallbackQuery callback, CancellationToken ct)
    {
        var data = callback.Data ?? "";
        var parts = data.Split('|');
        var chatId = callback.Message?.Chat.Id ?? callback.From.Id;
        var chat = await ChatAsync(chatId, ct);
        if (parts[0] == SurveyPrefix)
        {
            await OnSurveyAsync(callback, chat, parts, ct);
            return;
        }
        if (await BlockedAsync(chat, null, ct))
        {
            await ResetAsync(chat, ct);
            Answer(callback, null);
            Say(chat, BotText.Blocked, MainMenu());
            return;
        }
        var draft = Draft(chat);
        if (parts[0] == "sb")
        {
            await OnSubscribeCallbackAsync(callback, chat, draft, parts, ct);
            return;
        }
        switch (parts)
        {
            case ["cat", var code] when chat.State == TelegramChatState.Category:
                var all = await categories.AllAsync(ct);
                if (!all.TryGetValue(code, out var category) || !category.IsActive)
                {
                    Answer(callback, BotText.UnknownButton);
                    return;
                }
                var children = all.Values.Where(c => c.IsActive && c.ParentCode == code).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
                if (children.Count > 0 && callback.Message is { } menu)
                {
                    Answer(callback, null);
                    _replies.Add(new EditReply(chat.ChatId, menu.Id, Format(BotText.ChooseSubcategory, category.Name), CategoryButtons(children)));
                    return;
                }
                draft.CategoryCode = category.Code;
                draft.CategoryName = category.Name;
                Save(chat, draft, TelegramChatState.Text);
                Answer(callback, null);
                if (callback.Message is { } chosen)
                    _replies.Add(new EditReply(chat.ChatId, chosen.Id, Format(BotText.TopicChosen, category.Name), null));
                Say(chat, Format(BotText.AskText, category.Name));
                return;
            case ["sub", "ok"] when chat.State == TelegramChatState.Confirm:
                Answer(callback, null);
                await SubmitAsync(chat, draft, callback, ct);
                return;
            case ["sub", "no"] when chat.State == TelegramChatState.Confirm:
                await ResetAsync(chat, ct);
                Answer(callback, null);
                if (callback.Message is { } cancelled)
                    _replies.Add(new EditReply(chat.ChatId, cancelled.Id, cancelled.Text + BotText.CancelledMark, null));
                Say(chat, BotText.Cancelled, MainMenu());
                return;
            case ["sub", _]:
                Answer(callback, BotText.NothingToConfirm);
                if (callback.Message is { } stale)
                    _replies.Add(new EditReply(chat.ChatId, stale.Id, null, null));
                return;
            default:
                Answer(callback, BotText.UnknownButton);
                return;
        }
    }

    /// <summary>The survey keyboard sent with a result notification: sv|number|question|y or n.</summary>
    public static InlineKeyboardMarkup SurveyButtons(string number, int? question) => new(new[]
    {
        InlineKeyboardButton.WithCallbackData(BotText.Yes, $"{SurveyPrefix}|{number}|{question}|y"),
        InlineKeyboardButton.WithCallbackData(BotText.No, $"{SurveyPrefix}|{number}|{question}|n"),
    });

    private static InlineKeyboardMarkup RatingButtons(string number, string question, string answer) => new(new[]
    {
        Enumerable.Range(1, 5).Select(r => InlineKeyboardButton.WithCallbackData(r.ToString(CultureInfo.InvariantCulture), $"{SurveyPrefix}|{number}|{question}|{answer}|{r}")).ToArray(),
        [InlineKeyboardButton.WithCallbackData(BotText.NoRating, $"{SurveyPrefix}|{number}|{question}|{answer}|0")],
    });

    private async Task OnSurveyAsync(CallbackQuery callback, TelegramChat chat, string[] parts, CancellationToken ct)
    {
        if (parts.Length is not (4 or 5) || parts[3] is not ("y" or "n"))
        {
            Answer(callback, BotText.UnknownButton);
            return;
        }
        var number = parts[1];
        int? questionNumber = int.TryParse(parts[2], CultureInfo.InvariantCulture, out var qn) ? qn : null;
        var confirmed = parts[3] == "y";
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).FirstOrDefaultAsync(a => a.RegistrationNumber == number, ct);
        if (appeal is null)
        {
            Answer(callback, BotText.UnknownButton);
            return;
        }
        if (appeal.Applicant.TelegramId != callback.From.Id.ToString(CultureInfo.InvariantCulture))
        {
            Answer(callback, BotText.SurveyNotYours);
            return;
        }
        var question = questionNumber is { } n ? appeal.Questions.FirstOrDefault(q => q.Number == n) : appeal.Questions.Count == 1 ? appeal.Questions[0] : null;
        var message = callback.Message;
        if (question is null || question.Status != AppealStatus.ResultReported)
        {
            Answer(callback, BotText.SurveyDone);
            if (message is not null)
                _replies.Add(new EditReply(chat.ChatId, message.Id, null, null));
            return;
        }
        if (parts.Length == 4)
        {
            // First tap: yes or no; the grade comes next, on the same message.
            Answer(callback, BotText.SurveyRate);
            if (message is not null)
                _replies.Add(new EditReply(chat.ChatId, message.Id, null, RatingButtons(number, parts[2], parts[3])));
            return;
        }
        if (!int.TryParse(parts[4], CultureInfo.InvariantCulture, out var rating) || rating is < 0 or > 5)
        {
            Answer(callback, BotText.UnknownButton);
            return;
        }
        try
        {
            await workflow.VerifyAsync(number, question.Number, new VerificationRequest(confirmed, rating == 0 ? null : rating, null, "telegram"), ApplicantActor, ct);
        }
        catch (Exception e) when (e is RuleViolationException or ConflictException)
        {
            Answer(callback, BotText.SurveyDone);
            if (message is not null)
                _replies.Add(new EditReply(chat.ChatId, message.Id, null, null));
            return;
        }
        Answer(callback, BotText.SurveyThanks);
        if (message is not null)
        {
            var answer = Format(BotText.SurveyAnswer, confirmed ? BotText.Yes.ToLowerInvariant() : BotText.No.ToLowerInvariant(),
                rating == 0 ? "" : Format(BotText.SurveyRating, rating));
            _replies.Add(new EditReply(chat.ChatId, message.Id, message.Text + answer, null));
        }
        if (!confirmed)
            Say(chat, BotText.SurveyReworkNote);
    }

    // ---- helpers ----

    private async Task<TelegramChat> ChatAsync(long chatId, CancellationToken ct)
    {
        var chat = await db.Set<TelegramChat>().FirstOrDefaultAsync(c => c.ChatId == chatId, ct);
        var now = time.GetUtcNow();
        if (chat is null)
        {
            chat = new TelegramChat { ChatId = chatId, State = TelegramChatState.Idle, CreatedAt = now };
            db.Add(chat);
        }
        else
        {
            chat.Version++;
        }
        chat.UpdatedAt = now;
        return chat;
    }

    private async Task<bool> BlockedAsync(TelegramChat chat, string? phone, CancellationToken ct) =>
        await blocklist.IsBlockedAsync(BlockKind.Telegram, chat.ChatId.ToString(CultureInfo.InvariantCulture), ct)
        || (chat.Phone is { } known && await blocklist.IsBlockedAsync(BlockKind.Phone, known, ct))
        || (phone is not null && await blocklist.IsBlockedAsync(BlockKind.Phone, phone, ct));

    private async Task ResetAsync(TelegramChat chat, CancellationToken ct)
    {
        chat.State = TelegramChatState.Idle;
        chat.Draft = null;
        if (db.Entry(chat).State != EntityState.Added)
            await db.Set<TelegramDraftFile>().Where(f => f.ChatId == chat.ChatId).ExecuteDeleteAsync(ct);
    }

    private static TelegramDraft Draft(TelegramChat chat) =>
        chat.Draft is { Length: > 0 } json ? JsonSerializer.Deserialize<TelegramDraft>(json) ?? new() : new();

    private static void Save(TelegramChat chat, TelegramDraft draft, TelegramChatState next)
    {
        chat.Draft = JsonSerializer.Serialize(draft);
        chat.State = next;
    }

    private string? ValidateName(string? text)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
            return BotText.NameInvalid;
        if (AnonymousNames.Contains(name.ToLowerInvariant()))
            return BotText.NameAnonymous;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length > 300 || words.Length < 2 || words.Any(w => w.Length < 2 || !w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or 'ʼ' or '.')))
            return BotText.NameInvalid;
        return null;
    }

    private void Say(TelegramChat chat, string text, ReplyMarkup? markup = null) => _replies.Add(new SendReply(chat.ChatId, text, markup));

    private void Answer(CallbackQuery callback, string? text) => _replies.Add(new AnswerCallbackReply(callback.Id, text));

    private static ReplyKeyboardMarkup Keyboard(params string[][] rows) =>
        new(rows.Select(r => r.Select(t => new KeyboardButton(t)).ToArray())) { ResizeKeyboard = true };

    private static ReplyKeyboardMarkup PhoneKeyboard() => new(new[]
    {
        new[] { KeyboardButton.WithRequestContact(BotText.SharePhone) },
        new[] { new KeyboardButton(BotText.Cancel) },
    })
    { ResizeKeyboard = true, OneTimeKeyboard = true };

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private static string LocalDate(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Kyiv).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string LocalDateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Kyiv).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Format(string template, params object?[] args) => string.Format(CultureInfo.GetCultureInfo("uk-UA"), template, args);
}
