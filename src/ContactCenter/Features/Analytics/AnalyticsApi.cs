using ContactCenter.Features.Calendar;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;

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

        group.MapGet("/rating", async (DateOnly? day, string? format, AnalyticsQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var f = Reports.AnalyticsExport.Parse(format);
            var view = await queries.RatingAsync(day, ct);
            return f == Infrastructure.Export.ExportFormat.Json ? Results.Ok(view) : Reports.AnalyticsExport.Rating(f, view, time.GetUtcNow());
        }).WithName("GetExecutorRating").WithSummary("The executor rating of a day (default: the latest computed), ranked; format=csv|xlsx for a file.")
        .Produces<RatingView>();

        group.MapGet("/rating/history", async (DateOnly? from, DateOnly? to, int? executor, AnalyticsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            return TypedResults.Ok(await queries.HistoryAsync(from, to, executor, ct));
        }).WithName("GetExecutorRatingHistory").WithSummary("Daily scores and ranks of executors over a period (default: the last 30 computed days).");

        group.MapPost("/rating/compute", async (DateOnly? day, RatingSettings settings, HttpContext http, CancellationToken ct) =>
        {
            var (d, rows) = await settings.ComputeDayAsync(day, http.Actor(), ct);
            return TypedResults.Ok(new { day = d, executors = rows });
        }).WithName("ComputeExecutorRating").WithSummary("Recomputes the rating of one day now (the hourly job does it anyway): the head or an administrator.");

        group.MapGet("/rating/weights", async (RatingSettings settings, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await settings.WeightsAsync(http.Actor(), ct)))
            .WithName("ListRatingWeights").WithSummary("Every version of the rating weights with the day it applies from.");

        group.MapPost("/rating/weights", async (WeightsRequest request, RatingSettings settings, HttpContext http, CancellationToken ct) =>
        {
            var view = await settings.CreateWeightsAsync(request, http.Actor(), ct);
            return TypedResults.Created("/api/v1/analytics/rating/weights", view);
        }).WithName("CreateRatingWeights").WithSummary("Adds a weights version from today or a later day (the head or an administrator); the days before keep the weights they had.");

        group.MapGet("/reference-times", async (RatingSettings settings, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await settings.ReferenceTimesAsync(http.Actor(), ct)))
            .WithName("ListReferenceTimes").WithSummary("Reference times per category for the speed components of the rating (hours; defaults where none was set).");

        group.MapPut("/reference-times/{category}", async (string category, ReferenceTimeRequest request, RatingSettings settings, HttpContext http, CancellationToken ct) =>
        {
            await settings.SetReferenceTimeAsync(category, request, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("SetReferenceTime").WithSummary("Sets a category's reference times (hours from registration to a positive result / to an explanation): the head or an administrator.");

        group.MapGet("/operators", async (DateOnly? from, DateOnly? to, string? format, AnalyticsQueries queries, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var f = Reports.AnalyticsExport.Parse(format);
            var last = to ?? DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);
            var first = from ?? last.AddDays(-29);
            var rows = await queries.OperatorsAsync(first, last, ct);
            return f == Infrastructure.Export.ExportFormat.Json ? Results.Ok(rows) : Reports.AnalyticsExport.Operators(f, rows, first, last, time.GetUtcNow());
        }).WithName("GetOperatorStatistics").WithSummary("Answered calls, registered appeals and consultations given per operator; format=csv|xlsx for a file.")
        .Produces<IReadOnlyList<OperatorStatsView>>();

        group.MapGet("/spikes", async (int? limit, string? format, AnalyticsQueries queries, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            RequireReader(http);
            var f = Reports.AnalyticsExport.Parse(format);
            var rows = await queries.SpikesAsync(limit ?? 100, ct);
            return f == Infrastructure.Export.ExportFormat.Json ? Results.Ok(rows) : Reports.AnalyticsExport.Spikes(f, rows, time.GetUtcNow());
        }).WithName("ListSpikeSignals").WithSummary("Signals of spikes of appeals on one topic or place, newest first, with the appeals behind each; format=csv|xlsx for a file.")
        .Produces<IReadOnlyList<SpikeView>>();

        group.MapPost("/spikes/detect", async (SpikeDetector detector, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var raised = await detector.RunAsync(ct);
            return TypedResults.Ok(new { raised = raised.Count });
        }).WithName("DetectSpikes").WithSummary("Runs the spike detection now (the scheduler runs it every few minutes).");

        return app;
    }
}
