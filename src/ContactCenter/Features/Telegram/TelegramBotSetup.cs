using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ContactCenter.Features.Telegram;

/// <summary>Registration of the bot: options, the update handler, the webhook endpoint and the long-polling service.</summary>
public static class TelegramBotSetup
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IServiceCollection AddTelegramBot(this IServiceCollection services)
    {
        services.AddOptions<TelegramBotOptions>().BindConfiguration(TelegramBotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TelegramUpdateHandler>();
        services.AddScoped<IAppealRegisteredHook, TelegramLinkHook>();
        services.AddHostedService<TelegramPollingService>();
        return services;
    }

    public static IEndpointRouteBuilder MapTelegramEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/telegram/webhook", async (HttpContext http, TelegramUpdateHandler handler, IOptions<TelegramBotOptions> options, CancellationToken ct) =>
        {
            var secret = options.Value.WebhookSecret;
            if (secret is not { Length: > 0 })
                return Results.Problem(statusCode: 503, title: Text.Get("telegram.notConfigured"));
            if (!SecretMatches(secret, http.Request.Headers[SecretHeader].ToString()))
                return Results.Problem(statusCode: 401, title: Text.Get("telegram.secret"));
            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, ct);
            }
            catch (JsonException)
            {
                update = null;
            }
            if (update is null)
                return Results.Problem(statusCode: 400, title: Text.Get("telegram.update.invalid"));
            // 200 for a handled and for a repeated update alike; an exception gives 500 and Telegram delivers it again.
            await handler.HandleAsync(update, ct);
            return Results.Ok();
        }).AllowAnonymous().DisableAntiforgery().WithTags("Telegram").WithName("TelegramWebhook")
            .WithSummary("Telegram → us: one Update (Bot API JSON). Header X-Telegram-Bot-Api-Secret-Token must equal ContactCenter:Telegram:WebhookSecret. Idempotent by update_id.");
        return app;
    }

    /// <summary>Constant-time comparison (hashes first, so the length does not leak either).</summary>
    public static bool SecretMatches(string expected, string? given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")));
}

/// <summary>
/// Long polling for small installations (<c>ContactCenter:Telegram:Polling=true</c>): <c>getUpdates</c> with the offset
/// after the last handled update. The offset lives in memory; after a restart Telegram sends the unconfirmed updates
/// again and the handler's update_id record makes them harmless. An update that fails is tried again on the next poll;
/// after <see cref="MaxAttempts"/> failures it is skipped so one bad update cannot stop the bot.
/// </summary>
public sealed class TelegramPollingService(
    IServiceScopeFactory scopes,
    TelegramBotFactory bots,
    IOptions<TelegramBotOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Polling || !bots.Configured)
            return;
        await Task.Yield();
        logger.LogInformation("Telegram long polling started");
        int? offset = null;
        var failures = 0;
        var failedUpdate = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bots.Create().GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Telegram getUpdates failed");
                await Delay(TimeSpan.FromSeconds(5), stoppingToken);
                continue;
            }
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, stoppingToken);
                    offset = update.Id + 1;
                    failures = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    failures = failedUpdate == update.Id ? failures + 1 : 1;
                    failedUpdate = update.Id;
                    logger.LogError(e, "Telegram update {UpdateId} failed (attempt {Attempt})", update.Id, failures);
                    if (failures >= MaxAttempts)
                    {
                        offset = update.Id + 1;
                        failures = 0;
                        continue;
                    }
                    await Delay(TimeSpan.FromSeconds(Math.Min(30, failures * 2)), stoppingToken);
                    break;
                }
            }
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}

/// <summary>
/// An appeal registered by any channel with the phone of a resident who asked the bot for notifications gets that chat
/// as its Telegram contact, so later notifications reach them there (F2.8: the channel they chose).
/// </summary>
public sealed class TelegramLinkHook(AppDbContext db, AuditLog audit, TimeProvider time) : IAppealRegisteredHook
{
    public async Task AppealRegisteredAsync(Appeal appeal, Actor actor, CancellationToken ct)
    {
        if (appeal.Applicant.Phone is not { } phone || appeal.Applicant.TelegramId is not null)
            return;
        var chatId = await db.Set<TelegramChat>().AsNoTracking().Where(c => c.Linked && c.Phone == phone)
            .OrderByDescending(c => c.UpdatedAt).Select(c => (long?)c.ChatId).FirstOrDefaultAsync(ct);
        if (chatId is null)
            return;
        await TelegramConversation.LinkAppealsAsync(db, audit, time, chatId.Value, phone, ct);
        await db.SaveChangesAsync(ct);
    }
}
