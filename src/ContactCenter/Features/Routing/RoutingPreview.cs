using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Routing;

/// <summary>
/// What a new question would get now — executor, review track, deadline — shown before saving.
/// One place for the API (<c>GET /api/v1/routing/suggest</c>) and the operator's console.
/// </summary>
public sealed class RoutingPreview(Router router, AppDbContext db, CalendarService calendar, ExecutorDirectory executors, TimeProvider time)
{
    public async Task<RoutingSuggestionView> SuggestAsync(string? categoryCode, int? addressId, string? priority, CancellationToken ct)
    {
        var category = categoryCode is { Length: > 0 } ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == categoryCode, ct) : null;
        if (category is null)
            throw AppValidationException.For("categoryCode", Text.Get("category.unknown", categoryCode));
        int? district = null;
        if (addressId is { } id)
            district = await db.Buildings.AsNoTracking().Where(b => b.Id == id).Select(b => b.DistrictId ?? b.Street.DistrictId).FirstOrDefaultAsync(ct);
        var suggestion = await router.SuggestAsync(category.Code, addressId, district, ct);
        var trackCode = priority == "urgent" ? "urgent" : category.ReviewTrackCode ?? "simple";
        var track = await calendar.FindTrackAsync(trackCode, ct) ?? throw AppValidationException.For("reviewTrack", Text.Get("reviewTrack.unknown", trackCode));
        var cal = await calendar.GetCalendarAsync(ct);
        var lookup = await executors.LookupAsync(ct);
        return new RoutingSuggestionView(category.Code, suggestion?.ExecutorId, lookup.Ref(suggestion?.ExecutorId)?.Name,
            suggestion?.Reason, track.Code, DeadlineCalculator.Due(time.GetUtcNow(), track, cal), suggestion?.RuleId);
    }
}
