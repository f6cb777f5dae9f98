using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Analytics;

/// <summary>Dashboard, executor rating, operator statistics and spike signals (F9.1, F9.3, F9.4): leadership, supervisors, administrators.</summary>
public static class AnalyticsApi
{
    public static bool MayRead(Actor actor) => actor.Role is Roles.Leadership or Roles.Supervisor or Roles.Administrator;

    private static Actor RequireReader(HttpContext http)
    {
        var actor = http.Actor();
        if (!MayRead(actor))
            throw new ForbiddenException(Text.Get("error.forbidden"));
        return actor;
    }

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization();

        group.MapGet("/dashboard", async (DateOnly? from, DateOnly? to, int? executor, string? category, int? district, string? granularity,
            DashboardQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var errors = new ValidationErrors();
            var step = QueryEnum.Parse<TrendGranularity>(granularity, "granularity", errors);
            errors.ThrowIfAny();
            return TypedResults.Ok(await queries.GetAsync(new DashboardFilter(from, to, executor, category, district, step), ct));
        }).WithName("GetAnalyticsDashboard").WithSummary("Dashboard figures for a period (Kyiv dates, inclusive; default the last 30 days), each with the link to the appeals behind it.");

        group.MapGet("/rating", async (DateOnly? day, AnalyticsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            return TypedResults.Ok(await queries.RatingAsync(day, ct));
        }).WithName("GetExecutorRating").WithSummary("The executor rating of a day (default: the latest computed), ranked.");

        group.MapGet("/rating/history", async (DateOnly? from, DateOnly? to, int? executor, AnalyticsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            return TypedResults.Ok(await queries.HistoryAsync(from, to, executor, ct));
        }).WithName("GetExecutorRatingHistory").WithSummary("Daily scores and ranks of executors over a period (default: the last 30 computed days).");

        group.MapPost("/rating/compute", async (DateOnly? day, ExecutorRating rating, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var d = day ?? DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);
            var rows = await rating.ComputeDayAsync(d, ct);
            return TypedResults.Ok(new { day = d, executors = rows });
        }).WithName("ComputeExecutorRating").WithSummary("Recomputes the rating of one day now (the hourly job does it anyway).");

        group.MapGet("/rating/weights", async (AnalyticsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            return TypedResults.Ok(await queries.WeightsAsync(ct));
        }).WithName("ListRatingWeights").WithSummary("Every version of the rating weights with the day it applies from.");

        group.MapPost("/rating/weights", async (WeightsRequest request, AppDbContext db, AuditLog audit, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.RequireAdministrator();
            var today = DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);
            var from = request.EffectiveFrom ?? today;
            var errors = new ValidationErrors();
            var values = new[] { request.OnTime, request.Executed, request.Confirmed, request.ExecutionSpeed, request.ExplanationSpeed, request.Satisfaction };
            if (values.Any(v => v < 0 || double.IsNaN(v) || v > 1000) || values.Sum() <= 0)
                errors.Add("weights", AnalyticsText.S("weights.invalid"));
            if (from < today)
                errors.Add("effectiveFrom", AnalyticsText.S("weights.past"));
            errors.ThrowIfAny();
            if (await db.Set<RatingWeights>().AnyAsync(w => w.EffectiveFrom == from, ct))
                throw new ConflictException(AnalyticsText.S("weights.exists", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            var weights = new RatingWeights
            {
                EffectiveFrom = from,
                OnTime = request.OnTime,
                Executed = request.Executed,
                Confirmed = request.Confirmed,
                ExecutionSpeed = request.ExecutionSpeed,
                ExplanationSpeed = request.ExplanationSpeed,
                Satisfaction = request.Satisfaction,
                CreatedAt = time.GetUtcNow(),
                CreatedByName = actor.Name,
            };
            db.Add(weights);
            audit.Add(actor, "ratingWeights.create", "ratingWeights", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                System.Text.Json.JsonSerializer.Serialize(request));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/analytics/rating/weights", new RatingWeightsView(weights.Id, weights.EffectiveFrom, weights.OnTime, weights.Executed,
                weights.Confirmed, weights.ExecutionSpeed, weights.ExplanationSpeed, weights.Satisfaction, weights.CreatedAt, weights.CreatedByName));
        }).WithName("CreateRatingWeights").WithSummary("Adds a weights version from today or a later day; the days before keep the weights they had.");

        group.MapGet("/reference-times", async (AppDbContext db, CategoryDirectory categories, Microsoft.Extensions.Options.IOptions<AnalyticsOptions> options, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var own = await db.Set<CategoryReferenceTime>().AsNoTracking().ToDictionaryAsync(r => r.CategoryCode, StringComparer.OrdinalIgnoreCase, ct);
            var all = await categories.AllAsync(ct);
            return TypedResults.Ok(all.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new
            {
                categoryCode = c.Code,
                executionHours = own.TryGetValue(c.Code, out var r) ? r.ExecutionHours : options.Value.DefaultExecutionHours,
                explanationHours = r?.ExplanationHours ?? options.Value.DefaultExplanationHours,
                isDefault = r is null,
            }));
        }).WithName("ListReferenceTimes").WithSummary("Reference times per category for the speed components of the rating (hours; defaults where none was set).");

        group.MapPut("/reference-times/{category}", async (string category, ReferenceTimeRequest request, AppDbContext db, CategoryDirectory categories, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.RequireAdministrator();
            var all = await categories.AllAsync(ct);
            if (!all.ContainsKey(category))
                throw new NotFoundException(Text.Get("category.unknown", category));
            if (request.ExecutionHours <= 0 || request.ExplanationHours <= 0 || request.ExecutionHours > 100000 || request.ExplanationHours > 100000)
                throw AppValidationException.For("executionHours", AnalyticsText.S("reference.invalid"));
            var row = await db.Set<CategoryReferenceTime>().FirstOrDefaultAsync(r => r.CategoryCode == category, ct);
            if (row is null)
                db.Add(row = new CategoryReferenceTime { CategoryCode = all[category].Code });
            row.ExecutionHours = request.ExecutionHours;
            row.ExplanationHours = request.ExplanationHours;
            audit.Add(actor, "referenceTime.set", "category", row.CategoryCode, System.Text.Json.JsonSerializer.Serialize(request));
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("SetReferenceTime").WithSummary("Sets a category's reference times (hours from registration to a positive result / to an explanation).");

        group.MapGet("/operators", async (DateOnly? from, DateOnly? to, AnalyticsQueries queries, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var last = to ?? DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);
            return TypedResults.Ok(await queries.OperatorsAsync(from ?? last.AddDays(-29), last, ct));
        }).WithName("GetOperatorStatistics").WithSummary("Answered calls and registered appeals per operator; consultations are not recorded yet (null).");

        group.MapGet("/spikes", async (int? limit, AnalyticsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            return TypedResults.Ok(await queries.SpikesAsync(limit ?? 100, ct));
        }).WithName("ListSpikeSignals").WithSummary("Signals of spikes of appeals on one topic or place, newest first, with the appeals behind each.");

        group.MapPost("/spikes/detect", async (SpikeDetector detector, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var raised = await detector.RunAsync(ct);
            return TypedResults.Ok(new { raised = raised.Count });
        }).WithName("DetectSpikes").WithSummary("Runs the spike detection now (the scheduler runs it every few minutes).");

        return app;
    }
}
