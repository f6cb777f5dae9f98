using System.Globalization;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ContactCenter.Features.Telegram;

/// <summary>
/// The one entry for every update, from the webhook and from long polling. In order:
/// 1) an update already recorded is acknowledged and ignored;
/// 2) network reads first: a photo is fetched by <c>getFile</c> before any transaction is open;
/// 3) one transaction: claim the <c>update_id</c> (its primary key; a second instance racing on the same update waits
///    for ours and then fails on the key, so it does nothing), run the conversation, commit the claim with the effect;
/// 4) after the commit, send the replies. A failure before the commit leaves nothing behind and the update may be
///    delivered again (the webhook answers 500, polling does not advance its offset); a reply lost after the commit is
///    not repeated, because the effect is already there.
/// </summary>
public sealed class TelegramUpdateHandler(
    AppDbContext db,
    IServiceProvider services,
    TelegramBotFactory bots,
    TimeProvider time,
    IOptions<TelegramBotOptions> botOptions,
    IOptions<ContactCenterOptions> appOptions,
    ILogger<TelegramUpdateHandler> logger)
{
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    /// <summary>True when this call handled the update; false when it had been handled before.</summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken ct)
    {
        CultureInfo.CurrentUICulture = Ukrainian;
        if (await db.Set<TelegramProcessedUpdate>().AsNoTracking().AnyAsync(u => u.UpdateId == update.Id, ct))
            return false;
        var files = await PrefetchAsync(update, ct);
        IReadOnlyList<BotReply>? replies = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                replies = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => ProcessAsync(update, files, ct));
                break;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // Two updates of one chat at once (another instance): the chat's version moved; run this one again.
                logger.LogInformation(e, "Telegram update {UpdateId} lost a race; retrying", update.Id);
                db.ChangeTracker.Clear();
            }
        }
        if (replies is null)
            return false;
        await SendAsync(replies, ct);
        return true;
    }

    private async Task<IReadOnlyList<BotReply>?> ProcessAsync(Update update, IReadOnlyList<PrefetchedFile> files, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var chatId = update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;
        db.Add(new TelegramProcessedUpdate { UpdateId = update.Id, ChatId = chatId, ProcessedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.Set<TelegramProcessedUpdate>().AsNoTracking().AnyAsync(u => u.UpdateId == update.Id, ct))
                return null; // handled by another instance meanwhile
            throw;
        }
        // A fresh scope would not share the transaction: the conversation uses this context, hence this scope's services.
        var conversation = ActivatorUtilities.CreateInstance<TelegramConversation>(services);
        var replies = await conversation.HandleAsync(update, files, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return replies;
    }

    private async Task<IReadOnlyList<PrefetchedFile>> PrefetchAsync(Update update, CancellationToken ct)
    {
        var message = update.Message;
        if (message is null || !bots.Configured)
            return [];
        // The largest size Telegram offers of a photo; an image sent as a file is a document.
        var (fileId, size, name) = message.Photo is { Length: > 0 } sizes
            ? (sizes[^1].FileId, sizes[^1].FileSize, $"photo-{update.Id}.jpg")
            : message.Document is { MimeType: { } mime } doc && mime.StartsWith("image/", StringComparison.Ordinal)
                ? (doc.FileId, doc.FileSize, doc.FileName ?? $"image-{update.Id}")
                : (null, null, "");
        if (fileId is null || botOptions.Value.MaxPhotos == 0)
            return [];
        var max = appOptions.Value.Attachments.MaxBytes;
        var tooLarge = string.Format(Ukrainian, BotText.PhotoTooLarge, max / (1024 * 1024));
        if (size > max)
            return [new PrefetchedFile(name, [], tooLarge)];
        try
        {
            var bot = bots.Create();
            var file = await bot.GetFile(fileId, ct);
            if (file.FileSize > max || file.FilePath is null)
                return [new PrefetchedFile(name, [], file.FilePath is null ? BotText.PhotoFailed : tooLarge)];
            using var buffer = new MemoryStream();
            await bot.DownloadFile(file.FilePath, buffer, ct);
            if (buffer.Length > max)
                return [new PrefetchedFile(name, [], tooLarge)];
            return [new PrefetchedFile(name, buffer.ToArray(), null)];
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not download the photo of Telegram update {UpdateId}", update.Id);
            return [new PrefetchedFile(name, [], BotText.PhotoFailed)];
        }
    }

    private async Task SendAsync(IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        if (replies.Count == 0 || !bots.Configured)
            return;
        var bot = bots.Create();
        foreach (var reply in replies)
        {
            try
            {
                switch (reply)
                {
                    case DeferredReply deferred:
                        IReadOnlyList<BotReply> more;
                        try
                        {
                            using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
                            more = await deferred.RunAsync(scope.ServiceProvider, ct);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogError(e, "A deferred bot action failed");
                            more = [new SendReply(deferred.ChatId, BotText.ActionFailed)];
                        }
                        await SendAsync(more, ct);
                        break;
                    case SendReply s:
                        await bot.SendMessage(s.ChatId, s.Text, replyMarkup: s.Markup, cancellationToken: ct);
                        break;
                    case AnswerCallbackReply a:
                        await bot.AnswerCallbackQuery(a.CallbackQueryId, a.Text, cancellationToken: ct);
                        break;
                    case EditReply { Text: { } text } e:
                        await bot.EditMessageText(e.ChatId, e.MessageId, text, replyMarkup: e.Markup, cancellationToken: ct);
                        break;
                    case EditReply e:
                        await bot.EditMessageReplyMarkup(e.ChatId, e.MessageId, e.Markup, cancellationToken: ct);
                        break;
                }
            }
            catch (Exception e) when (e is RequestException or HttpRequestException)
            {
                // The update's effect is committed; a lost reply is logged, not retried (the user can ask again).
                logger.LogWarning(e, "Telegram reply {Reply} failed", reply.GetType().Name);
            }
        }
    }
}
