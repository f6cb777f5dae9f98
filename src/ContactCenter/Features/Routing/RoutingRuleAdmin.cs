using System.Globalization;
using ContactCenter.Features.Admin;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Routing;

/// <summary>A routing rule with the names an administrator reads: place is the building, street or district (null: the whole community).</summary>
public sealed record RoutingRuleRow(int Id, string CategoryCode, string CategoryName, int? DistrictId, int? StreetId, int? BuildingId,
    string PlaceKind, string? Place, int ExecutorId, string ExecutorName);

/// <summary>The rules screen's filter: a category (with the categories below it), an executor, sorted by category, executor or place.</summary>
public sealed record RoutingRuleQuery(string? Category = null, int? ExecutorId = null, string? Sort = null, bool Descending = false, int Page = 0, int PageSize = 25);

/// <summary>
/// Routing rules (F3.2): category (+ one of district, street or building) → executor. Reading is for administrators and
/// supervisors (a supervisor confirms or overrides routing); changes are the administrator's, validated here and audited,
/// and reset the router's cache at once. One place for the API (<c>/api/v1/routing/rules</c>) and the console.
/// </summary>
public sealed class RoutingRuleAdmin(AppDbContext db, Router router, Categories.CategoryDirectory categories, AuditLog audit)
{
    public static void RequireReader(Actor actor)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    public async Task<IReadOnlyList<RoutingRuleView>> AllAsync(Actor actor, CancellationToken ct)
    {
        RequireReader(actor);
        return await db.RoutingRules.AsNoTracking().OrderBy(r => r.CategoryCode).ThenBy(r => r.Id)
            .Select(r => new RoutingRuleView(r.Id, r.CategoryCode, r.DistrictId, r.BuildingId, r.ExecutorId, r.StreetId)).ToListAsync(ct);
    }

    public async Task<PageOf<RoutingRuleRow>> ListAsync(RoutingRuleQuery query, Actor actor, CancellationToken ct)
    {
        RequireReader(actor);
        var rules = db.RoutingRules.AsNoTracking();
        if (query.Category is { Length: > 0 } category)
        {
            // A category covers the categories below it: a rule of a sub-category is the category's too.
            var all = await categories.AllAsync(ct);
            var codes = all.Keys.Where(code => Under(all, code, category)).ToList();
            rules = rules.Where(r => codes.Contains(r.CategoryCode));
        }
        if (query.ExecutorId is { } executorId)
            rules = rules.Where(r => r.ExecutorId == executorId);
        var total = await rules.CountAsync(ct);
        var rows = Project(rules);
        rows = (query.Sort, query.Descending) switch
        {
            ("executor", false) => rows.OrderBy(r => r.Executor).ThenBy(r => r.Category).ThenBy(r => r.Id),
            ("executor", true) => rows.OrderByDescending(r => r.Executor).ThenBy(r => r.Category).ThenBy(r => r.Id),
            ("place", false) => rows.OrderBy(r => r.Rank).ThenBy(r => r.Category).ThenBy(r => r.Id),
            ("place", true) => rows.OrderByDescending(r => r.Rank).ThenBy(r => r.Category).ThenBy(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.Category).ThenBy(r => r.Rank).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.Category).ThenBy(r => r.Rank).ThenBy(r => r.Id),
        };
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = await rows.Skip(Math.Max(0, query.Page) * size).Take(size).ToListAsync(ct);
        return new PageOf<RoutingRuleRow>(page.Select(ToRow).ToList(), total);
    }

    private sealed class RuleData
    {
        public int Id { get; init; }
        public string CategoryCode { get; init; } = "";
        public int? DistrictId { get; init; }
        public int? StreetId { get; init; }
        public int? BuildingId { get; init; }
        public int ExecutorId { get; init; }
        public string? Category { get; init; }
        public string? Executor { get; init; }
        public string? District { get; init; }
        public string? Street { get; init; }
        public string? Building { get; init; }
        public int Rank { get; init; }
    }

    private IQueryable<RuleData> Project(IQueryable<RoutingRule> rules) => rules.Select(r => new RuleData
    {
        Id = r.Id,
        CategoryCode = r.CategoryCode,
        DistrictId = r.DistrictId,
        StreetId = r.StreetId,
        BuildingId = r.BuildingId,
        ExecutorId = r.ExecutorId,
        Category = db.Categories.Where(c => c.Code == r.CategoryCode).Select(c => c.Name).FirstOrDefault(),
        Executor = db.Executors.Where(e => e.Id == r.ExecutorId).Select(e => e.ShortName ?? e.Name).FirstOrDefault(),
        District = db.Districts.Where(d => d.Id == r.DistrictId).Select(d => d.Name).FirstOrDefault(),
        Street = db.Streets.Where(s => s.Id == r.StreetId).Select(s => s.Type + " " + s.Name).FirstOrDefault(),
        Building = db.Buildings.Where(b => b.Id == r.BuildingId).Select(b => b.Street.Type + " " + b.Street.Name + ", " + b.Number).FirstOrDefault(),
        // Most specific first, as the router ranks them.
        Rank = r.BuildingId != null ? 0 : r.StreetId != null ? 1 : r.DistrictId != null ? 2 : 3,
    });

    private static RoutingRuleRow ToRow(RuleData r) => new(r.Id, r.CategoryCode, r.Category ?? r.CategoryCode, r.DistrictId, r.StreetId, r.BuildingId,
        r.BuildingId != null ? "building" : r.StreetId != null ? "street" : r.DistrictId != null ? "district" : "community",
        r.Building ?? r.Street ?? r.District, r.ExecutorId, r.Executor ?? "");

    public async Task<RoutingRuleView> CreateAsync(RoutingRuleInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        await ValidateAsync(null, input, ct);
        var rule = new RoutingRule { CategoryCode = input.CategoryCode!, ExecutorId = input.ExecutorId!.Value };
        Apply(rule, input);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, "create", "routingRule", Id(rule.Id), Describe(rule));
        await db.SaveChangesAsync(ct);
        router.InvalidateRules();
        return View(rule);
    }

    public async Task<RoutingRuleView> UpdateAsync(int id, RoutingRuleInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        await ValidateAsync(id, input, ct);
        Apply(rule, input);
        audit.Add(actor, "update", "routingRule", Id(id), Describe(rule));
        await db.SaveChangesAsync(ct);
        router.InvalidateRules();
        return View(rule);
    }

    public async Task DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        db.RoutingRules.Remove(rule);
        audit.Add(actor, "delete", "routingRule", Id(id), Describe(rule));
        await db.SaveChangesAsync(ct);
        router.InvalidateRules();
    }

    /// <summary>The districts a rule may name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DistrictsAsync(CancellationToken ct) =>
        (await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();

    /// <summary>One rule as the list shows it (the "test routing" box names the rule that decided).</summary>
    public async Task<RoutingRuleRow?> FindAsync(int id, Actor actor, CancellationToken ct)
    {
        RequireReader(actor);
        var row = await Project(db.RoutingRules.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? null : ToRow(row);
    }

    private async Task ValidateAsync(int? id, RoutingRuleInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.CategoryCode))
            errors.Add("categoryCode", Text.Get("category.required"));
        else if (!await db.Categories.AnyAsync(c => c.Code == input.CategoryCode, ct))
            errors.Add("categoryCode", Text.Get("category.unknown", input.CategoryCode));
        if (input.ExecutorId is not { } executorId)
            errors.Add("executorId", Text.Get("field.required"));
        else if (await db.Executors.AsNoTracking().Where(e => e.Id == executorId).Select(e => (bool?)e.IsActive).FirstOrDefaultAsync(ct) is not { } active)
            errors.Add("executorId", Text.Get("executor.unknown", executorId));
        else if (!active)
            errors.Add("executorId", Text.Get("admin.routing.executorInactive", executorId));
        if (input.DistrictId is { } d && !await db.Districts.AnyAsync(x => x.Id == d, ct))
            errors.Add("districtId", Text.Get("error.notFound"));
        if (input.BuildingId is { } b && !await db.Buildings.AnyAsync(x => x.Id == b, ct))
            errors.Add("buildingId", Text.Get("error.notFound"));
        if (input.StreetId is { } st && !await db.Streets.AnyAsync(x => x.Id == st, ct))
            errors.Add("streetId", Text.Get("error.notFound"));
        // One rule names one place; the router ranks building, street, district, then the whole community.
        if (new[] { input.DistrictId is not null, input.StreetId is not null, input.BuildingId is not null }.Count(x => x) > 1)
            errors.Add("place", Text.Get("admin.routing.onePlace"));
        errors.ThrowIfAny();
        var same = await db.RoutingRules.AsNoTracking().Where(r => r.Id != (id ?? 0) && r.CategoryCode == input.CategoryCode && r.DistrictId == input.DistrictId
            && r.StreetId == input.StreetId && r.BuildingId == input.BuildingId).Select(r => (int?)r.ExecutorId).FirstOrDefaultAsync(ct);
        if (same is { } other)
            throw new ConflictException(Text.Get("admin.routing.duplicate", other));
    }

    private static void Apply(RoutingRule rule, RoutingRuleInput input)
    {
        rule.CategoryCode = input.CategoryCode!;
        rule.ExecutorId = input.ExecutorId!.Value;
        rule.DistrictId = input.DistrictId;
        rule.StreetId = input.StreetId;
        rule.BuildingId = input.BuildingId;
    }

    private static bool Under(IReadOnlyDictionary<string, Categories.Category> all, string code, string ancestor)
    {
        for (var (c, depth) = ((string?)code, 0); c is not null && depth < 16; depth++)
        {
            if (c == ancestor)
                return true;
            c = all.TryGetValue(c, out var e) ? e.ParentCode : null;
        }
        return false;
    }

    private static RoutingRuleView View(RoutingRule r) => new(r.Id, r.CategoryCode, r.DistrictId, r.BuildingId, r.ExecutorId, r.StreetId);

    private static string Describe(RoutingRule r) =>
        $"{r.CategoryCode}; district {r.DistrictId}; street {r.StreetId}; building {r.BuildingId} → executor {r.ExecutorId}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
