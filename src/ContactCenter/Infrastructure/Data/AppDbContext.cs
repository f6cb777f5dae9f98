using ContactCenter.Features.Addresses;
using ContactCenter.Features.ApiKeys;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Outages;
using ContactCenter.Features.Routing;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Data;

/// <summary>
/// The one model of the application. Each database provider has a subclass with its own migrations
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); code depends on this base type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AppealHistoryEntry> AppealHistory => Set<AppealHistoryEntry>();
    public DbSet<AppealComment> AppealComments => Set<AppealComment>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<ExecutorRequest> ExecutorRequests => Set<ExecutorRequest>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();
    public DbSet<Executor> Executors => Set<Executor>();
    public DbSet<ExecutorCompetence> ExecutorCompetences => Set<ExecutorCompetence>();
    public DbSet<ExecutorStaffMember> ExecutorStaff => Set<ExecutorStaffMember>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<ReviewTrackEntity> ReviewTracks => Set<ReviewTrackEntity>();
    public DbSet<CalendarSettings> CalendarSettings => Set<CalendarSettings>();
    public DbSet<CalendarHoliday> CalendarHolidays => Set<CalendarHoliday>();
    public DbSet<CalendarTransfer> CalendarTransfers => Set<CalendarTransfer>();
    public DbSet<MartialLawPeriodEntity> MartialLawPeriods => Set<MartialLawPeriodEntity>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Features.Control.StaffNotification> StaffNotifications => Set<Features.Control.StaffNotification>();

    // Address register aliases and outages (issue 7).
    public DbSet<StreetAlias> StreetAliases => Set<StreetAlias>();
    public DbSet<Outage> Outages => Set<Outage>();
    public DbSet<OutageArea> OutageAreas => Set<OutageArea>();
    public DbSet<OutageUpdate> OutageUpdates => Set<OutageUpdate>();
    public DbSet<OutageBuilding> OutageBuildings => Set<OutageBuilding>();
    public DbSet<OutageAppeal> OutageAppeals => Set<OutageAppeal>();
    // Portal and Open311 (issue 4)
    public DbSet<Features.Knowledge.KnowledgeArticle> KnowledgeArticles => Set<Features.Knowledge.KnowledgeArticle>();
    public DbSet<Features.Open311.Open311Token> Open311Tokens => Set<Features.Open311.Open311Token>();
    // Staff console: consultations (F1.8, issue 3)
    public DbSet<Features.Consultations.Consultation> Consultations => Set<Features.Consultations.Consultation>();

    public abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name: readable in SQL and safe to reorder.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<Appeal>(e =>
        {
            e.HasIndex(a => a.RegistrationNumber).IsUnique();
            // Reports (issue 8): the appeal-level sections of the statutory report by period from the index alone.
            e.HasIndex(a => new { a.ReceivedAt, a.Form, a.Channel, a.Kind, a.IsCollective, a.RepeatOfId, a.DuplicateOfId })
                .HasDatabaseName("ix_appeals_report");
            e.Property(a => a.RegistrationNumber).HasMaxLength(32);
            e.OwnsOne(a => a.Applicant, o =>
            {
                o.Property(p => p.FullName).HasMaxLength(300);
                o.Property(p => p.Phone).HasMaxLength(20);
                o.Property(p => p.Email).HasMaxLength(254);
                o.HasIndex(p => p.Phone);
                o.HasIndex(p => p.Email);
                // Applicant lookup by name or address as you type (issue 3): prefix searches on the lookup keys.
                o.Property(p => p.NameKey).HasMaxLength(300);
                o.Property(p => p.AddressKey).HasMaxLength(500);
                o.HasIndex(p => p.NameKey).HasDatabaseName("ix_appeals_applicant_name_key");
                o.HasIndex(p => p.AddressKey).HasDatabaseName("ix_appeals_applicant_address_key");
            });
            e.Navigation(a => a.Applicant).IsRequired();
            e.Property(a => a.Description).HasMaxLength(8000);
            e.Property(a => a.SearchText).HasMaxLength(8000);
            e.Property(a => a.ExternalId).HasMaxLength(100);
            e.HasIndex(a => a.ExternalId).IsUnique();
            // Console lists (issue 3): the candidate walk by status and deadline and the inbox's read of an executor's open
            // appeals from the index alone (the id for the scope semi-joins).
            e.HasIndex(a => new { a.Status, a.DueAt }).IncludeProperties(a => a.Id);
            // Console inbox (issue 3, R11): the open appeals of privileged applicants, a few thousand, from the index alone.
            e.HasIndex(a => a.Status, "ix_appeals_privileged_status").IncludeProperties(a => a.Id).HasFilter("applicant_privilege_category <> ''").HasDatabaseName("ix_appeals_privileged_status");
            e.HasIndex(a => a.ReceivedAt);
            // Console board (issue 3): the open resonant appeals by deadline without reading a million rows.
            // By status first: the few open ones are read and sorted, not the closed resonant appeals of past years.
            // Named: an unnamed index on the same columns would be the (status, due_at) index above, filtered.
            e.HasIndex(a => new { a.Status, a.DueAt }, "ix_appeals_resonant_status_due_at").HasFilter("resonant").HasDatabaseName("ix_appeals_resonant_status_due_at");
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Questions).WithOne(q => q.Appeal).HasForeignKey(q => q.AppealId);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AppealId);
        });

        b.Entity<Question>(e =>
        {
            e.HasIndex(q => new { q.AppealId, q.Number }).IsUnique();
            // The appeal id lets the console scope read an executor's appeals from the index alone (issue 3).
            e.HasIndex(q => new { q.ExecutorId, q.Status, q.DueAt }).IncludeProperties(q => q.AppealId);
            // Console scope (issue 3): question → appeal for an executor's co-executor assignments without the heap.
            e.HasIndex(q => q.Id, "ix_questions_id_appeal_id").IncludeProperties(q => q.AppealId).HasDatabaseName("ix_questions_id_appeal_id");
            // Console inbox "rework" tab (issue 3): the few questions ever returned for rework, by status.
            e.HasIndex(q => q.Status, "ix_questions_rework_status").IncludeProperties(q => q.AppealId).HasFilter("rework_count > 0").HasDatabaseName("ix_questions_rework_status");
            // Console board (issue 3): open questions due before the end of today, per executor, from the index alone (the
            // executor-first index above would be read whole: the status cannot bound a scan over every executor).
            e.HasIndex(q => new { q.Status, q.DueAt }, "ix_questions_status_due_at").IncludeProperties(q => q.ExecutorId).HasDatabaseName("ix_questions_status_due_at");
            e.HasIndex(q => new { q.CategoryCode, q.Status });
            // Console lists (issue 3): an executor's scope check per appeal (its questions' executors and ids, for the
            // active assignments below) from the index alone.
            e.HasIndex(q => new { q.AppealId, q.ExecutorId, q.Id }).HasDatabaseName("ix_questions_scope");
            // Reports (issue 8): every figure of the statutory and discipline reports from this index alone, by period.
            e.HasIndex(q => new { q.ReceivedAt, q.CategoryCode, q.ResultCode, q.ExecutorId, q.Status, q.DueAt, q.ResultAt, q.ClosedAt, q.ExtendedWorkingDays })
                .HasDatabaseName("ix_questions_report");
            e.OwnsOne(q => q.Location, o => o.Property(l => l.Address).HasMaxLength(500));
            e.Navigation(q => q.Location).IsRequired();
            e.Property(q => q.Description).HasMaxLength(8000);
            e.Property(q => q.CategoryCode).HasMaxLength(64);
            e.Property(q => q.ReviewTrackCode).HasMaxLength(32);
            e.HasMany(q => q.Assignments).WithOne().HasForeignKey(a => a.QuestionId);
        });

        b.Entity<Assignment>(e => e.HasIndex(a => new { a.ExecutorId, a.Active }));
        // Console lists (issue 3): "has an active assignment of my executors" per question from the index alone.
        b.Entity<Assignment>(e =>
        {
            e.HasIndex(a => new { a.QuestionId, a.ExecutorId }).HasFilter("active").HasDatabaseName("ix_assignments_active_scope");
            // The foreign key keeps its own full index: the partial one above does not cover inactive rows.
            e.HasIndex(a => a.QuestionId).HasDatabaseName("ix_assignments_question_id");
            // Console scope semi-join (issue 3): an executor's active co-executor / for-information assignments (main ones
            // mirror questions.executor_id, see AppealQueries.ScopedAppealIds).
            e.HasIndex(a => a.ExecutorId, "ix_assignments_other_roles_scope").IncludeProperties(a => a.QuestionId).HasFilter("active AND role <> 'Main'").HasDatabaseName("ix_assignments_other_roles_scope");
        });
        b.Entity<AppealHistoryEntry>(e =>
        {
            e.HasIndex(h => new { h.AppealId, h.At });
            e.Property(h => h.Action).HasMaxLength(64);
        });
        b.Entity<AppealComment>(e => e.HasIndex(c => c.AppealId));
        b.Entity<Attachment>(e =>
        {
            e.HasIndex(a => a.AppealId);
            e.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId);
        });
        b.Entity<AttachmentContent>(e => e.HasKey(c => c.AttachmentId));
        b.Entity<ExecutorRequest>(e =>
        {
            e.HasIndex(r => new { r.Status, r.RequestedAt });
            e.HasIndex(r => r.AppealId);
        });
        b.Entity<NumberCounter>(e => e.HasKey(c => c.Key));

        b.Entity<Executor>(e =>
        {
            e.HasMany(x => x.Competences).WithOne().HasForeignKey(c => c.ExecutorId);
            e.HasMany(x => x.Staff).WithOne().HasForeignKey(s => s.ExecutorId);
            e.HasIndex(x => x.ParentId);
        });
        b.Entity<ExecutorCompetence>(e => e.HasKey(c => new { c.ExecutorId, c.CategoryCode }));
        b.Entity<Category>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(64);
            e.HasIndex(c => c.ParentCode);
            e.HasIndex(c => c.Open311ServiceCode);
        });
        b.Entity<RoutingRule>(e => e.HasIndex(r => r.CategoryCode));
        // Portal and Open311 (issue 4)
        b.Entity<Appeal>(e =>
        {
            e.Property(a => a.TrackingToken).HasMaxLength(64);
            e.HasIndex(a => a.TrackingToken).IsUnique();
        });
        b.Entity<Features.Knowledge.KnowledgeArticle>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Body).HasMaxLength(20000);
            e.Property(a => a.CategoryCode).HasMaxLength(64);
            e.Property(a => a.SearchText).HasMaxLength(21000);
            e.HasIndex(a => a.IsPublic);
        });
        // Staff console: consultations (F1.8, issue 3)
        b.Entity<Features.Consultations.Consultation>(e =>
        {
            e.Property(c => c.OperatorUserId).HasMaxLength(64);
            e.Property(c => c.OperatorName).HasMaxLength(200);
            e.Property(c => c.Topic).HasMaxLength(500);
            e.Property(c => c.CategoryCode).HasMaxLength(64);
            e.Property(c => c.CallerPhone).HasMaxLength(20);
            e.Property(c => c.CallId).HasMaxLength(100);
            e.HasIndex(c => c.At);
            e.HasIndex(c => c.CallerPhone);
        });
        b.Entity<Features.Open311.Open311Token>(e =>
        {
            e.HasKey(t => t.Token);
            e.Property(t => t.Token).HasMaxLength(64);
        });
        b.Entity<Street>(e => e.HasIndex(s => s.SearchName));
        b.Entity<Building>(e => e.HasIndex(x => new { x.StreetId, x.Number }));
        b.Entity<ReviewTrackEntity>(e =>
        {
            e.ToTable("review_tracks");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(32);
        });
        b.Entity<CalendarSettings>(e => e.Property(c => c.Version).IsConcurrencyToken());
        b.Entity<CalendarHoliday>(e => e.HasIndex(h => h.Date).IsUnique());
        b.Entity<CalendarTransfer>(e => e.HasIndex(t => t.Date).IsUnique());
        b.Entity<MartialLawPeriodEntity>(e => e.ToTable("martial_law_periods"));
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });
        b.Entity<ApiKey>(e => e.HasIndex(k => k.Prefix));
        b.Entity<Features.Control.StaffNotification>(e =>
        {
            e.HasIndex(n => new { n.RecipientExecutorId, n.ReadAt });
            e.HasIndex(n => new { n.RecipientRole, n.ReadAt });
            e.Property(n => n.Kind).HasMaxLength(32);
            e.Property(n => n.RecipientRole).HasMaxLength(32);
        });

        // Address register aliases and outages (issue 7).
        b.Entity<Street>(e => e.HasMany(s => s.Aliases).WithOne().HasForeignKey(a => a.StreetId));
        b.Entity<StreetAlias>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.SearchName).HasMaxLength(200);
            e.HasIndex(a => a.StreetId);
        });
        b.Entity<Outage>(e =>
        {
            e.Property(o => o.Information).HasMaxLength(2000);
            e.Property(o => o.Causes).HasMaxLength(2000);
            e.Property(o => o.Consequences).HasMaxLength(2000);
            e.Property(o => o.ClosingText).HasMaxLength(4000);
            e.Property(o => o.CreatedByName).HasMaxLength(300);
            e.Property(o => o.ClosedByName).HasMaxLength(300);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => new { o.IsClosed, o.StartsAt });
            e.HasIndex(o => o.ExecutorId);
            e.HasMany(o => o.Areas).WithOne().HasForeignKey(a => a.OutageId);
            e.HasMany(o => o.Updates).WithOne().HasForeignKey(u => u.OutageId);
        });
        b.Entity<OutageArea>(e =>
        {
            e.Property(a => a.Numbers).HasMaxLength(2000);
            e.HasIndex(a => a.OutageId);
            e.HasIndex(a => a.StreetId);
        });
        b.Entity<OutageUpdate>(e =>
        {
            e.Property(u => u.Text).HasMaxLength(4000);
            e.Property(u => u.AuthorName).HasMaxLength(300);
            e.HasIndex(u => new { u.OutageId, u.At });
        });
        b.Entity<OutageBuilding>(e =>
        {
            e.HasKey(x => new { x.BuildingId, x.OutageId });
            e.HasIndex(x => x.OutageId);
        });
        b.Entity<OutageAppeal>(e =>
        {
            e.HasIndex(x => new { x.OutageId, x.AppealId, x.QuestionNumber }).IsUnique();
            e.HasIndex(x => x.AppealId);
            e.Property(x => x.LinkedByName).HasMaxLength(300);
        });
        Features.Notifications.NotificationsModel.Configure(b);
        Features.Telegram.TelegramModel.Configure(b); // the bot's update ids, chats and draft photos
        Features.Informing.InformingModel.Configure(b); // subscriptions and broadcasts (issue 7)
        Features.Quality.QualityModel.Configure(b); // control and quality (issue 6)
        // National Unified System / 1545 cards; operators' PBX extensions (issue 5)
        Features.UnifiedSystem.UnifiedSystemModel.Configure(b);
        Features.Telephony.CallPops.ConfigureModel(b);
        Features.Analytics.AnalyticsModel.Configure(b, IsPostgres); // analysis: rating, spikes, reference times (issue 8)
    }
}
