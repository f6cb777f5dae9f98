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
    }
}
