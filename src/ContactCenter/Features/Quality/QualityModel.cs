using ContactCenter.Features.Control;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Quality;

/// <summary>
/// A claim that something happened once (a digest of a day, an escalation of a question): the unique (Kind, Key) pair
/// is inserted by whoever does it first; a second instance or run fails on the unique index and does nothing.
/// </summary>
public sealed class ControlMark
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

/// <summary>The control and quality tables (called from <c>AppDbContext.OnModelCreating</c>).</summary>
public static class QualityModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ControlMark>(e =>
        {
            e.ToTable("control_marks");
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.Key).HasMaxLength(64);
            e.Property(m => m.Note).HasMaxLength(1000);
            e.HasIndex(m => new { m.Kind, m.Key }).IsUnique();
        });
        b.Entity<ScreeningTerm>(e =>
        {
            e.ToTable("screening_terms");
            e.Property(t => t.Term).HasMaxLength(100);
            e.Property(t => t.AuthorName).HasMaxLength(300);
            e.HasIndex(t => t.Term).IsUnique();
        });
        b.Entity<HeldIntake>(e =>
        {
            e.ToTable("held_intakes");
            e.Property(h => h.Source).HasMaxLength(32);
            e.Property(h => h.SourceRef).HasMaxLength(500);
            e.Property(h => h.FullName).HasMaxLength(300);
            e.Property(h => h.Phone).HasMaxLength(20);
            e.Property(h => h.Email).HasMaxLength(254);
            e.Property(h => h.TelegramId).HasMaxLength(32);
            e.Property(h => h.Text).HasMaxLength(10000);
            e.Property(h => h.MatchedTerms).HasMaxLength(500);
            e.Property(h => h.RequestJson).HasMaxLength(40000);
            e.Property(h => h.DecidedByName).HasMaxLength(300);
            e.Property(h => h.DecisionReason).HasMaxLength(2000);
            e.Property(h => h.RegistrationNumber).HasMaxLength(32);
            e.HasIndex(h => new { h.Status, h.ReceivedAt });
            e.HasMany(h => h.Files).WithOne().HasForeignKey(f => f.HeldIntakeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<HeldIntakeFile>(e =>
        {
            e.ToTable("held_intake_files");
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.HasIndex(f => f.HeldIntakeId);
        });
        b.Entity<VerificationTask>(e =>
        {
            e.ToTable("verification_tasks");
            e.Property(t => t.RegistrationNumber).HasMaxLength(32);
            e.Property(t => t.Token).HasMaxLength(64);
            e.Property(t => t.LastNote).HasMaxLength(2000);
            e.HasIndex(t => t.Token).IsUnique();
            e.HasIndex(t => new { t.QuestionId, t.Round }).IsUnique();
            e.HasIndex(t => new { t.Status, t.Channel, t.CreatedAt });
        });
    }
}
