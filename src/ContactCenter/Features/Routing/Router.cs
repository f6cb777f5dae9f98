using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Features.Routing;

/// <summary>The executor suggested for a question.</summary>
/// <summary>The executor suggested for a question, why, and the rule that decided (null: the category's default executor).</summary>
public sealed record RoutingSuggestion(int ExecutorId, string Reason, int? RuleId = null);

/// <summary>
/// Suggests the executor of a question (F3.2): the most specific rule wins — building, then street, then district,
/// then the category alone — walking up the category tree; then the category's default executor.
/// The operator sees the suggestion and may override it.
/// </summary>
public sealed class Router(IServiceScopeFactory scopes, IMemoryCache cache, Categories.CategoryDirectory categoryDirectory)
{
    public async Task<RoutingSuggestion?> SuggestAsync(string categoryCode, int? buildingId, int? districtId, CancellationToken ct)
    {
        var categories = await categoryDirectory.AllAsync(ct);
        var chain = new List<string>();
        for (var code = categoryCode; code is not null && categories.TryGetValue(code, out var c) && chain.Count < 16; code = c.ParentCode)
            chain.Add(code);
        if (chain.Count == 0)
            return null;

        var rules = (await RulesAsync(ct)).Where(r => chain.Contains(r.CategoryCode)).ToList();
        // Callers know the building and its district; the street is looked up only when a street rule could apply.
        int? streetId = null;
        if (buildingId is { } bid && rules.Any(r => r.StreetId is not null))
        {
            using var scope = scopes.CreateScope();
            streetId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Buildings.AsNoTracking()
                .Where(b => b.Id == bid).Select(b => (int?)b.StreetId).FirstOrDefaultAsync(ct);
        }
        foreach (var code in chain)
        {
            var forCode = rules.Where(r => r.CategoryCode == code).ToList();
            if (buildingId is not null && forCode.FirstOrDefault(r => r.BuildingId == buildingId) is { } byBuilding)
                return new RoutingSuggestion(byBuilding.ExecutorId, "building", byBuilding.Id);
            if (streetId is not null && forCode.FirstOrDefault(r => r.BuildingId == null && r.StreetId == streetId) is { } byStreet)
                return new RoutingSuggestion(byStreet.ExecutorId, "street", byStreet.Id);
            if (districtId is not null && forCode.FirstOrDefault(r => r.BuildingId == null && r.StreetId == null && r.DistrictId == districtId) is { } byDistrict)
                return new RoutingSuggestion(byDistrict.ExecutorId, "district", byDistrict.Id);
            if (forCode.FirstOrDefault(r => r.BuildingId == null && r.StreetId == null && r.DistrictId == null) is { } byCategory)
                return new RoutingSuggestion(byCategory.ExecutorId, "category", byCategory.Id);
            if (categories[code].DefaultExecutorId is { } defaultExecutor)
                return new RoutingSuggestion(defaultExecutor, "categoryDefault");
        }
        return null;
    }

    private const string RulesKey = "routing:rules";

    // Rules change rarely and every registration reads them; another instance's edit is seen within 30 s.
    private async Task<IReadOnlyList<RoutingRule>> RulesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(RulesKey, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return (IReadOnlyList<RoutingRule>)await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        }))!;

    public void InvalidateRules() => cache.Remove(RulesKey);
}
