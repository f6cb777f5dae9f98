using Quartz;

namespace ContactCenter.Features.Quality;

/// <summary>The control and quality jobs on the scheduler (called from <c>Startup.AddScheduler</c>).</summary>
public static class QualitySetup
{
    public static void AddQualityJobs(IQuartzBuilder q)
    {
        q.AddJob<VerificationJob>(j => j.WithIdentity(VerificationJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(VerificationJob.Key).WithIdentity("verification-every-2-min", "quality")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(2)).RepeatForever()));
        q.AddJob<LawNoticeWatchJob>(j => j.WithIdentity(LawNoticeWatchJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(LawNoticeWatchJob.Key).WithIdentity("law-notices-every-10-min", "quality")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(3))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()));
        // The digest job checks the working day and the configured time itself and sends once a day.
        q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(DigestJob.Key).WithIdentity("digest-every-5-min", "quality")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
    }
}
