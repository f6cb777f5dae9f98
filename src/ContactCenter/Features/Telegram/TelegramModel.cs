using System.ComponentModel.DataAnnotations;
using ContactCenter.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Telegram;

/// <summary>
/// An update the bot has handled. Inserted in the same transaction as the update's effect, so a repeated delivery
/// (webhook retry, a second instance, a poll after a restart) finds it and does nothing.
/// </summary>
public sealed class TelegramProcessedUpdate
{
    public long UpdateId { get; set; }
    public long? ChatId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>Where a conversation stands.</summary>
public enum TelegramChatState
{
    Idle,
    Category,
    Text,
    Place,
    Photos,
    Phone,
    Name,
    HomeAddress,
    Confirm,
    OutageAddress,
    LinkPhone,
    SubscribeAddress,
    SubscribeTypes,
}

/// <summary>
/// One private chat with the bot (chat id = the user's Telegram id): the conversation state and the draft appeal,
/// kept in the database so that a restart or another instance continues the same conversation.
/// </summary>
public sealed class TelegramChat
{
    public long ChatId { get; set; }
    public TelegramChatState State { get; set; }
    /// <summary>The appeal being written, as JSON (<see cref="TelegramDraft"/>).</summary>
    public string? Draft { get; set; }
    /// <summary>What the user told us before, offered again: name, shared phone (E.164), home address, last asked address.</summary>
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? HomeAddress { get; set; }
    public string? LastAddress { get; set; }
    /// <summary>The user asked for notifications about their appeals found by phone (F2.8).</summary>
    public bool Linked { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A photo the user sent for the draft: downloaded at once (getFile) and attached when the appeal is registered.</summary>
public sealed class TelegramDraftFile
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>The appeal being written in the chat.</summary>
public sealed class TelegramDraft
{
    public string? CategoryCode { get; set; }
    public string? CategoryName { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }

    /// <summary>A subscription being made (F8.3): Building, Street or District, and its place.</summary>
    public string? SubscribeScope { get; set; }
    public string? SubscribeAddress { get; set; }
    public int? SubscribeDistrictId { get; set; }
}

/// <summary>
/// <c>ContactCenter:Telegram</c>, the bot's own keys (the token and base URL are <see cref="TelegramOptions"/>).
/// </summary>
public sealed class TelegramBotOptions : IValidatableObject
{
    public const string Section = TelegramOptions.Section;

    /// <summary>The webhook's <c>X-Telegram-Bot-Api-Secret-Token</c> (set the same in <c>setWebhook</c>). Unset = no webhook.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Long polling (<c>getUpdates</c>) instead of a webhook, for small installations. Run it on one instance only.</summary>
    public bool Polling { get; set; }
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;
    [Range(0, 10)]
    public int MaxPhotos { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        // Telegram allows 1–256 characters A-Z, a-z, 0-9, _ and - in a secret token.
        if (WebhookSecret is { Length: > 0 } s && (s.Length > 256 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            yield return new ValidationResult("ContactCenter:Telegram:WebhookSecret: 1–256 characters A-Z, a-z, 0-9, _ or -.", [nameof(WebhookSecret)]);
    }
}

/// <summary>The bot's tables (called from <c>AppDbContext.OnModelCreating</c>).</summary>
public static class TelegramModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TelegramProcessedUpdate>(e =>
        {
            e.ToTable("telegram_updates");
            e.HasKey(u => u.UpdateId);
            e.Property(u => u.UpdateId).ValueGeneratedNever();
            e.HasIndex(u => u.ProcessedAt);
        });
        b.Entity<TelegramChat>(e =>
        {
            e.ToTable("telegram_chats");
            e.HasKey(c => c.ChatId);
            e.Property(c => c.ChatId).ValueGeneratedNever();
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Draft).HasMaxLength(20000);
            e.Property(c => c.FullName).HasMaxLength(300);
            e.Property(c => c.Phone).HasMaxLength(32);
            e.Property(c => c.HomeAddress).HasMaxLength(500);
            e.Property(c => c.LastAddress).HasMaxLength(500);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Phone);
        });
        b.Entity<TelegramDraftFile>(e =>
        {
            e.ToTable("telegram_draft_files");
            e.HasIndex(f => f.ChatId);
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.ContentType).HasMaxLength(100);
        });
    }
}
