using Quartz;

namespace ContactCenter.Features.Analytics;

/// <summary>Registration of the analysis feature (issue 8: dashboard, rating, spikes).</summary>
public static class AnalyticsSetup
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<AnalyticsQueries>();
        services.AddScoped<ExecutorRating>();
        services.AddScoped<ExecutorRatingJob>();
        services.AddScoped<SpikeDetector>();
        services.AddScoped<SpikeDetectionJob>();
        services.AddScoped<DailyAggregates>();
        services.AddScoped<ReportAggregatesJob>();
        services.AddScoped<RatingSettings>();
        return services;
    }

    public static void AddAnalyticsJobs(IQuartzBuilder q, IConfiguration configuration)
    {
        var spikeMinutes = configuration.GetValue<int?>(AnalyticsOptions.Section + ":SpikeEveryMinutes") ?? 15;
        q.AddJob<ExecutorRatingJob>(j => j.WithIdentity(ExecutorRatingJob.Key).StoreDurably());
        q.AddJob<SpikeDetectionJob>(j => j.WithIdentity(SpikeDetectionJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(ExecutorRatingJob.Key).WithIdentity("executor-rating-hourly", "analytics")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(3))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
        q.AddTrigger(t => t.ForJob(SpikeDetectionJob.Key).WithIdentity("spike-detection", "analytics")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Clamp(spikeMinutes, 1, 1440))).RepeatForever()));
        // Daily pre-aggregates of the dashboard and the statutory report: every minute, so few days are read live.
        q.AddJob<ReportAggregatesJob>(j => j.WithIdentity(ReportAggregatesJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(ReportAggregatesJob.Key).WithIdentity("report-aggregates", "analytics")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(5))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
    }
}
