using ContactCenter.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Informing;

/// <summary>Tables of subscriptions and broadcasts (called from <c>AppDbContext.OnModelCreating</c>).</summary>
public static class InformingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Subscription>(e =>
        {
            e.ToTable("subscriptions");
            e.Property(x => x.Contact).HasMaxLength(254);
            e.Property(x => x.PlaceLabel).HasMaxLength(500);
            e.Property(x => x.Token).HasMaxLength(64);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.Channel, x.Contact });
            e.HasIndex(x => new { x.Status, x.BuildingId });
            e.HasIndex(x => new { x.Status, x.StreetId });
            e.HasIndex(x => new { x.Status, x.DistrictId });
        });
        b.Entity<Broadcast>(e =>
        {
            e.ToTable("broadcasts");
            e.HasIndex(x => x.RequestKey).IsUnique();
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => x.OutageId);
            e.Property(x => x.AreaDescription).HasMaxLength(4000);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.CreatedByName).HasMaxLength(300);
        });
        b.Entity<OutboxRateWindow>(e =>
        {
            e.ToTable("outbox_rate_windows");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
        });
        b.Entity<Notification>(e =>
        {
            // One message per contact per broadcast, however often or by however many instances it is queued.
            e.HasIndex(n => new { n.BroadcastId, n.Channel, n.Recipient }).IsUnique();
            e.HasOne<Broadcast>().WithMany().HasForeignKey(n => n.BroadcastId);
            e.HasOne<Subscription>().WithMany().HasForeignKey(n => n.SubscriptionId);
            e.HasIndex(n => n.SubscriptionId);
        });
    }
}
