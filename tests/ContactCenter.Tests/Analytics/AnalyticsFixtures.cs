using ContactCenter.Core.Appeals;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Tests.Analytics;

/// <summary>One question of a fixture appeal.</summary>
public sealed record FixtureQuestion(string Category, int? Executor, int? District, AppealStatus Status, DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt = null, ResultCode? Result = null, int? Rating = null, bool? Confirmed = null, int Rework = 0, int? Building = null);

/// <summary>
/// Appeals written straight into the database with the exact times, statuses, results and ratings a figure needs, so
/// that every expected number can be computed by hand (the lifecycle itself is tested elsewhere).
/// </summary>
public static class AnalyticsFixtures
{
    public const string Water = "utilities.water";
    public const string Heating = "utilities.heating";
    private static int _number;

    /// <summary>Kyiv local time (November: UTC+2).</summary>
    public static DateTimeOffset Kyiv(int month, int day, int hour = 9, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(2));

    public static async Task<string> AddAsync(this AppFixture app, DateTimeOffset received, Channel channel, long? repeatOf, params FixtureQuestion[] questions)
    {
        var number = "AN-" + Interlocked.Increment(ref _number).ToString("00000", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var appeal = new Appeal
            {
                RegistrationNumber = number,
                ReceivedAt = received,
                RegisteredAt = received,
                UpdatedAt = received,
                Channel = channel,
                Kind = AppealKind.Application,
                Form = AppealForm.Oral,
                Applicant = new Applicant { FullName = "Тестовий Заявник" },
                Description = "fixture",
                RepeatOfId = repeatOf,
                Status = questions.Min(q => q.Status),
                DueAt = questions.Where(q => AppealStateMachine.IsOpen(q.Status)).Min(q => q.DueAt),
                Questions = questions.Select((q, i) => new Question
                {
                    Number = i + 1,
                    CategoryCode = q.Category,
                    Description = "fixture",
                    ReviewTrackCode = "simple",
                    Status = q.Status,
                    DueAt = q.DueAt,
                    ExecutorId = q.Executor,
                    Location = new Location { DistrictId = q.District, BuildingId = q.Building },
                    ClosedAt = q.ClosedAt,
                    ResultAt = q.Result is null ? null : q.ClosedAt,
                    ResultCode = q.Result,
                    VerificationRating = q.Rating,
                    VerificationConfirmed = q.Confirmed,
                    ReworkCount = q.Rework,
                }).ToList(),
            };
            db.Appeals.Add(appeal);
            await db.SaveChangesAsync();
            return appeal.Id;
        });
        return number;
    }

    public static Task<long> IdOfAsync(this AppFixture app, string number) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id)));

    public static Task<int> AddDistrictAsync(this AppFixture app, string name) =>
        app.WithDbAsync(async db =>
        {
            var d = new District { Name = name };
            db.Districts.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
}
