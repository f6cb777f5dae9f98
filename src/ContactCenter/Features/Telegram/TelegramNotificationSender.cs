using ContactCenter.Features.Notifications;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ContactCenter.Features.Telegram;

/// <summary>The bot client, pointed at the configured Bot API server (<see cref="TelegramOptions.BaseUrl"/>).</summary>
public sealed class TelegramBotFactory(IHttpClientFactory httpFactory, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    public bool Configured => options.Value.Configured;

    public ITelegramBotClient Create()
    {
        var o = options.Value;
        var botOptions = new TelegramBotClientOptions(o.BotToken!, o.BaseUrl is { Length: > 0 } b ? b.TrimEnd('/') : null);
        return new TelegramBotClient(botOptions, httpFactory.CreateClient(HttpClientName));
    }
}

/// <summary>Notifications by the bot's <c>sendMessage</c>. The Bot API has no idempotency key: the outbox lease is what prevents repeats.</summary>
public sealed class TelegramNotificationSender(TelegramBotFactory bots) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Telegram;
    public bool Configured => bots.Configured;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!long.TryParse(message.Recipient, out var chatId))
            throw new PermanentDeliveryException($"Not a Telegram chat id: {message.Recipient}");
        try
        {
            // A result asks the quality survey (F6.1) with buttons; the bot's update handler takes the answer.
            var survey = message is { Kind: NotificationKind.Result, RegistrationNumber: { } number }
                ? TelegramConversation.SurveyButtons(number, message.QuestionNumber)
                : null;
            var body = survey is null ? message.Body : message.Body + "\n\n" + BotText.SurveyQuestion;
            await bots.Create().SendMessage(chatId, body, replyMarkup: survey, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            // The chat does not exist or the user blocked the bot.
            throw new PermanentDeliveryException(e.Message, e);
        }
    }
}
