using ContactCenter.Core.Appeals;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Analytics;

/// <summary>
/// One version of the executor-rating weights (F9.3). A version applies from <see cref="EffectiveFrom"/> (a Kyiv date)
/// until the next one, so a day is always scored with the weights that were in force on it.
/// </summary>
public sealed class RatingWeights
{
    public int Id { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public double OnTime { get; set; }
    public double Executed { get; set; }
    public double Confirmed { get; set; }
    public double ExecutionSpeed { get; set; }
    public double ExplanationSpeed { get; set; }
    public double Satisfaction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "system";

    public double Sum => OnTime + Executed + Confirmed + ExecutionSpeed + ExplanationSpeed + Satisfaction;
}

/// <summary>The rating of one executor on one day (a rolling window ending that day), written by <see cref="ExecutorRatingJob"/>.</summary>
public sealed class ExecutorRatingDay
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int ExecutorId { get; set; }
    public int WeightsId { get; set; }
    /// <summary>Questions of the executor finished (closed) in the window.</summary>
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    /// <summary>Finished with the result «вирішено позитивно».</summary>
    public int Executed { get; set; }
    /// <summary>Finished without being returned for rework and not rejected by the applicant.</summary>
    public int Confirmed { get; set; }
    public int Rated { get; set; }
    /// <summary>Shares 0..1; null when there was nothing to measure.</summary>
    public double? OnTimeShare { get; set; }
    public double? ExecutedShare { get; set; }
    public double? ConfirmedShare { get; set; }
    public double? ExecutionSpeed { get; set; }
    public double? ExplanationSpeed { get; set; }
    public double? SatisfactionIndex { get; set; }
    /// <summary>0..100.</summary>
    public double Score { get; set; }
    public int Rank { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Reference times of a category for the speed components of the rating (hours from registration to result).</summary>
public sealed class CategoryReferenceTime
{
    public required string CategoryCode { get; set; }
    public double ExecutionHours { get; set; }
    public double ExplanationHours { get; set; }
}

public enum SpikeKind { Category, District, Street }

/// <summary>A socially important problem (F9.4): many more appeals on one topic or place than usual.</summary>
public sealed class SpikeSignal
{
    public long Id { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public SpikeKind Kind { get; set; }
    /// <summary>Category code, district id or street id.</summary>
    public required string Key { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    /// <summary>The last run that still saw the spike: the same episode goes on while runs keep seeing it.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public int Count { get; set; }
    public double Baseline { get; set; }
    /// <summary>Registration numbers of the appeals behind the signal, comma-separated (at most 200).</summary>
    public required string AppealNumbers { get; set; }
}

public static class AnalyticsModel
{
    public static readonly DateOnly DefaultWeightsFrom = new(2000, 1, 1);

    public static void Configure(ModelBuilder b, bool postgres)
    {
        b.Entity<RatingWeights>(e =>
        {
            e.HasIndex(w => w.EffectiveFrom).IsUnique();
            e.Property(w => w.CreatedByName).HasMaxLength(300);
            e.Ignore(w => w.Sum);
            // The first version: the 1551-style balance, every day until an administrator adds another.
            e.HasData(new RatingWeights
            {
                Id = 1,
                EffectiveFrom = DefaultWeightsFrom,
                OnTime = 0.25,
                Executed = 0.15,
                Confirmed = 0.20,
                ExecutionSpeed = 0.10,
                ExplanationSpeed = 0.10,
                Satisfaction = 0.20,
                CreatedAt = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
                CreatedByName = "system",
            });
        });
        b.Entity<ExecutorRatingDay>(e =>
        {
            e.HasIndex(r => new { r.Day, r.ExecutorId }).IsUnique();
            e.HasIndex(r => new { r.ExecutorId, r.Day });
        });
        b.Entity<CategoryReferenceTime>(e =>
        {
            e.HasKey(c => c.CategoryCode);
            e.Property(c => c.CategoryCode).HasMaxLength(64);
        });
        b.Entity<SpikeSignal>(e =>
        {
            e.HasIndex(s => new { s.Kind, s.Key, s.DetectedAt });
            e.HasIndex(s => s.DetectedAt);
            e.Property(s => s.Key).HasMaxLength(64);
            e.Property(s => s.Label).HasMaxLength(500);
            e.Property(s => s.AppealNumbers).HasMaxLength(8000);
        });
        // Indexes the dashboard and the rating lean on (closing time; place).
        b.Entity<Appeals.Question>(e =>
        {
            e.HasIndex(q => q.ClosedAt);
        });
        // Covering indexes for the dashboard's one read of a period (index-only scans on PostgreSQL; SQLite ignores INCLUDE).
        b.Entity<Appeals.Appeal>(e => e.HasIndex(a => a.ReceivedAt).IncludeProperties(a => new { a.Id, a.Channel, a.Status, a.RepeatOfId }));
        // Daily pre-aggregates (DailyAggregates): a period's rows by the key; appeals changed since a refresh by updated_at.
        b.Entity<ReportDayCount>(e =>
        {
            e.ToTable("report_day_counts");
            e.HasKey(r => new { r.Day, r.Figure, r.Key });
            e.Property(r => r.Figure).HasMaxLength(16);
        });
        b.Entity<ReportAggregateState>(e =>
        {
            e.ToTable("report_aggregate_state");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        b.Entity<Appeals.Appeal>(e => e.HasIndex(a => a.UpdatedAt).IncludeProperties(a => a.ReceivedAt));
        // The dashboard filtered by one executor, topic or district (DailyAggregates): a period's rows of one dimension value.
        b.Entity<DashboardDayCount>(e =>
        {
            e.ToTable("dashboard_day_counts");
            e.HasKey(r => new { r.Dimension, r.Day, r.Figure, r.Key });
            e.Property(r => r.Dimension).HasMaxLength(80);
            e.Property(r => r.Figure).HasMaxLength(16);
        });
        b.Entity<Appeals.Question>(e => e.HasIndex(q => q.AppealId, "ix_questions_analytics")
            .IncludeProperties(q => new { q.CategoryCode, q.ExecutorId, q.ClosedAt, q.DueAt, q.ReworkCount, q.VerificationRating, q.VerificationConfirmed, q.Status }));
    }
}
