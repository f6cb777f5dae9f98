using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Telephony;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Notifications;

/// <summary>The channels' tables: outbox, templates, calls, blocklist (called from <c>AppDbContext.OnModelCreating</c>).</summary>
public static class NotificationsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(n => n.Key).IsUnique();
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
            e.HasIndex(n => n.AppealId);
            e.HasOne(n => n.Appeal).WithMany().HasForeignKey(n => n.AppealId);
            e.Property(n => n.RegistrationNumber).HasMaxLength(32);
            e.Property(n => n.Recipient).HasMaxLength(254);
            e.Property(n => n.Details).HasMaxLength(8000);
            e.Property(n => n.LeaseOwner).HasMaxLength(200);
            e.Property(n => n.Subject).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(10000);
            e.Property(n => n.LastError).HasMaxLength(1000);
        });
        b.Entity<NotificationTemplate>(e =>
        {
            e.ToTable("notification_templates");
            e.HasKey(t => t.Kind);
            e.Property(t => t.Subject).HasMaxLength(200);
            e.Property(t => t.Body).HasMaxLength(2000);
        });
        b.Entity<Call>(e =>
        {
            e.ToTable("calls");
            e.HasIndex(c => c.CallId).IsUnique();
            e.HasIndex(c => new { c.Missed, c.Callback, c.StartedAt });
            e.HasIndex(c => c.Phone);
            e.HasIndex(c => c.StartedAt);
            e.Property(c => c.CallId).HasMaxLength(100);
            e.Property(c => c.From).HasMaxLength(64);
            e.Property(c => c.To).HasMaxLength(64);
            e.Property(c => c.Phone).HasMaxLength(64);
            e.Property(c => c.OperatorUser).HasMaxLength(100);
            e.Property(c => c.Queue).HasMaxLength(100);
            e.Property(c => c.Ivr).HasMaxLength(100);
            e.Property(c => c.HangupCause).HasMaxLength(32);
            e.Property(c => c.RecordingUrl).HasMaxLength(2000);
            e.Property(c => c.CallbackUserName).HasMaxLength(300);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.Appeals).WithOne().HasForeignKey(a => a.CallId);
        });
        b.Entity<CallAppeal>(e =>
        {
            e.ToTable("call_appeals");
            e.HasKey(a => new { a.CallId, a.AppealId });
            e.HasIndex(a => a.AppealId);
            e.HasOne<Appeals.Appeal>().WithMany().HasForeignKey(a => a.AppealId);
        });
        b.Entity<Email.InboundEmail>(e =>
        {
            e.ToTable("inbound_emails");
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.Outcome, x.ReceivedAt });
            e.Property(x => x.MessageId).HasMaxLength(500);
            e.Property(x => x.FromAddress).HasMaxLength(254);
            e.Property(x => x.FromName).HasMaxLength(300);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Text).HasMaxLength(8000);
            e.Property(x => x.RegistrationNumber).HasMaxLength(32);
            e.Property(x => x.ProcessedByName).HasMaxLength(300);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.InboundEmailId);
        });
        b.Entity<Email.InboundEmailAttachment>(e =>
        {
            e.ToTable("inbound_email_attachments");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
        });
        b.Entity<BlockedContact>(e =>
        {
            e.ToTable("blocklist");
            e.HasIndex(x => new { x.Kind, x.Value });
            e.Property(x => x.Value).HasMaxLength(254);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.AuthorName).HasMaxLength(300);
        });
    }
}
