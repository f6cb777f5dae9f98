using System.Globalization;
using System.Text.Json;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Analytics;

/// <summary>A category's reference times as the rating uses them (the defaults where none was set).</summary>
public sealed record ReferenceTimeView(string CategoryCode, double ExecutionHours, double ExplanationHours, bool IsDefault);

/// <summary>
/// The settings of the executor rating (F9.3): weights versions, per-category reference times, recomputing a day.
/// One place for the rules and the authorization, called by the REST API and the console alike: the head of the
/// contact centre (supervisor) and administrators change them; whoever reads the rating sees them.
/// </summary>
public sealed class RatingSettings(AppDbContext db, AnalyticsQueries queries, ExecutorRating rating, CategoryDirectory categories, AuditLog audit,
    CalendarService calendar, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public const double MaxWeight = 1000;
    public const double MaxHours = 100000;

    public static bool MayEdit(Actor actor) => actor.Role is Roles.Supervisor or Roles.Administrator;

    private static void RequireEditor(Actor actor)
    {
        if (!MayEdit(actor))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static void RequireReader(Actor actor)
    {
        if (!AnalyticsApi.MayRead(actor))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    /// <summary>Today as a Kyiv date: a new weights version starts today or later.</summary>
    public DateOnly Today => DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);

    public Task<IReadOnlyList<RatingWeightsView>> WeightsAsync(Actor actor, CancellationToken ct)
    {
        RequireReader(actor);
        return queries.WeightsAsync(ct);
    }

    public async Task<RatingWeightsView> CreateWeightsAsync(WeightsRequest request, Actor actor, CancellationToken ct)
    {
        RequireEditor(actor);
        var today = Today;
        var from = request.EffectiveFrom ?? today;
        var errors = new ValidationErrors();
        var values = new[] { request.OnTime, request.Executed, request.Confirmed, request.ExecutionSpeed, request.ExplanationSpeed, request.Satisfaction };
        if (values.Any(v => double.IsNaN(v) || v < 0 || v > MaxWeight) || values.Sum() <= 0)
            errors.Add("weights", AnalyticsText.S("weights.invalid"));
        if (from < today)
            errors.Add("effectiveFrom", AnalyticsText.S("weights.past"));
        errors.ThrowIfAny();
        var day = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await db.Set<RatingWeights>().AnyAsync(w => w.EffectiveFrom == from, ct))
            throw new ConflictException(AnalyticsText.S("weights.exists", day));
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
        audit.Add(actor, "ratingWeights.create", "ratingWeights", day, JsonSerializer.Serialize(request));
        await db.SaveChangesAsync(ct);
        return new RatingWeightsView(weights.Id, weights.EffectiveFrom, weights.OnTime, weights.Executed, weights.Confirmed, weights.ExecutionSpeed,
            weights.ExplanationSpeed, weights.Satisfaction, weights.CreatedAt, weights.CreatedByName);
    }

    public async Task<IReadOnlyList<ReferenceTimeView>> ReferenceTimesAsync(Actor actor, CancellationToken ct)
    {
        RequireReader(actor);
        var own = await db.Set<CategoryReferenceTime>().AsNoTracking().ToDictionaryAsync(r => r.CategoryCode, StringComparer.OrdinalIgnoreCase, ct);
        var all = await categories.AllAsync(ct);
        var o = options.Value;
        return all.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => own.TryGetValue(c.Code, out var r)
            ? new ReferenceTimeView(c.Code, r.ExecutionHours, r.ExplanationHours, false)
            : new ReferenceTimeView(c.Code, o.DefaultExecutionHours, o.DefaultExplanationHours, true)).ToList();
    }

    public async Task SetReferenceTimeAsync(string category, ReferenceTimeRequest request, Actor actor, CancellationToken ct)
    {
        RequireEditor(actor);
        var all = await categories.AllAsync(ct);
        if (!all.TryGetValue(category, out var known))
            throw new NotFoundException(Text.Get("category.unknown", category));
        var errors = new ValidationErrors();
        if (!(request.ExecutionHours > 0 && request.ExecutionHours <= MaxHours))
            errors.Add("executionHours", AnalyticsText.S("reference.invalid"));
        if (!(request.ExplanationHours > 0 && request.ExplanationHours <= MaxHours))
            errors.Add("explanationHours", AnalyticsText.S("reference.invalid"));
        errors.ThrowIfAny();
        var row = await db.Set<CategoryReferenceTime>().FirstOrDefaultAsync(r => r.CategoryCode == known.Code, ct);
        if (row is null)
            db.Add(row = new CategoryReferenceTime { CategoryCode = known.Code });
        row.ExecutionHours = request.ExecutionHours;
        row.ExplanationHours = request.ExplanationHours;
        audit.Add(actor, "referenceTime.set", "category", row.CategoryCode, JsonSerializer.Serialize(request));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Recomputes the rating of one day (default today) with the weights and reference times in force now.</summary>
    public async Task<(DateOnly Day, int Executors)> ComputeDayAsync(DateOnly? day, Actor actor, CancellationToken ct)
    {
        RequireEditor(actor);
        var d = day ?? Today;
        var rows = await rating.ComputeDayAsync(d, ct);
        audit.Add(actor, "rating.compute", "rating", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return (d, rows);
    }
}
