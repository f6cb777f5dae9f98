using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.UnifiedSystem;

/// <summary>
/// A card imported from the National Unified System / 1545 (F2.7): the external number and what the external system
/// says about it, next to the appeal it became (whose <c>ExternalId</c> is <c>1545:</c> + the number).
/// </summary>
public sealed class UnifiedCard
{
    public long Id { get; set; }
    /// <summary>The card's number in the Unified System («№ звернення»).</summary>
    public required string ExternalNumber { get; set; }
    public long AppealId { get; set; }
    public string? Source { get; set; }
    public string? ExternalPriority { get; set; }
    public string? ExternalStatus { get; set; }
    public string? Topic { get; set; }
    public DateTimeOffset? ExternalCreatedAt { get; set; }
    /// <summary>«Вирішити до»: the external deadline; the appeal's questions are due no later than this.</summary>
    public DateTimeOffset? ExternalDueAt { get; set; }
    /// <summary>Hash of the imported content: an unchanged row is skipped without touching anything.</summary>
    public required string Fingerprint { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? ImportedByName { get; set; }
}

public sealed class UnifiedSystemOptions
{
    public const string Section = "ContactCenter:UnifiedSystem";

    /// <summary>The category of a card whose «Питання» matches no category: goes to the operators' queue unless it has a default executor.</summary>
    public string DefaultCategory { get; set; } = "other";

    /// <summary>Exact «Питання» texts (any case) mapped to category codes, checked before the category names.</summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public static class UnifiedSystemModel
{
    public const string ExternalIdPrefix = "1545:";

    public static void Configure(ModelBuilder b) => b.Entity<UnifiedCard>(e =>
    {
        e.ToTable("unified_cards");
        e.HasIndex(c => c.ExternalNumber).IsUnique();
        e.HasIndex(c => c.AppealId);
        e.Property(c => c.ExternalNumber).HasMaxLength(80);
        e.Property(c => c.Source).HasMaxLength(200);
        e.Property(c => c.ExternalPriority).HasMaxLength(100);
        e.Property(c => c.ExternalStatus).HasMaxLength(100);
        e.Property(c => c.Topic).HasMaxLength(500);
        e.Property(c => c.Fingerprint).HasMaxLength(64);
        e.Property(c => c.ImportedByName).HasMaxLength(300);
        e.HasOne<Appeal>().WithMany().HasForeignKey(c => c.AppealId).OnDelete(DeleteBehavior.Cascade);
    });
}
