using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Routing;

public sealed record RoutingRuleView(int Id, string CategoryCode, int? DistrictId, int? BuildingId, int ExecutorId, int? StreetId = null);

public sealed record RoutingRuleInput(string? CategoryCode, int? DistrictId, int? BuildingId, int? ExecutorId, int? StreetId = null);

/// <summary>What the operator sees before saving: the suggested executor, the review track and the deadline.</summary>
public sealed record RoutingSuggestionView(string CategoryCode, int? ExecutorId, string? ExecutorName, string? Reason, string ReviewTrack, DateTimeOffset DueAt);

public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/routing").WithTags("Routing").RequireAuthorization();

        group.MapGet("/suggest", async (string? categoryCode, int? addressId, string? priority, RoutingPreview preview, CancellationToken ct) =>
            TypedResults.Ok(await preview.SuggestAsync(categoryCode, addressId, priority, ct)))
            .WithName("SuggestRouting").WithSummary("The executor, review track and deadline a new question would get now.");

        group.MapGet("/rules", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.RoutingRules.AsNoTracking().OrderBy(r => r.CategoryCode).ThenBy(r => r.Id)
                .Select(r => new RoutingRuleView(r.Id, r.CategoryCode, r.DistrictId, r.BuildingId, r.ExecutorId, r.StreetId)).ToListAsync(ct)))
            .WithName("ListRoutingRules");

        group.MapPost("/rules", async (RoutingRuleInput input, AppDbContext db, Router router, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(input.CategoryCode) || !await db.Categories.AnyAsync(c => c.Code == input.CategoryCode, ct))
                errors.Add("categoryCode", Text.Get("category.unknown", input.CategoryCode));
            if (input.ExecutorId is not { } executorId || !await db.Executors.AnyAsync(e => e.Id == executorId, ct))
                errors.Add("executorId", Text.Get("executor.unknown", input.ExecutorId));
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
            var same = await db.RoutingRules.AsNoTracking().Where(r => r.CategoryCode == input.CategoryCode && r.DistrictId == input.DistrictId
                && r.StreetId == input.StreetId && r.BuildingId == input.BuildingId).Select(r => (int?)r.ExecutorId).FirstOrDefaultAsync(ct);
            if (same is { } other)
                throw new ConflictException(Text.Get("admin.routing.duplicate", other));
            var rule = new RoutingRule { CategoryCode = input.CategoryCode!, DistrictId = input.DistrictId, StreetId = input.StreetId, BuildingId = input.BuildingId, ExecutorId = input.ExecutorId!.Value };
            db.RoutingRules.Add(rule);
            await db.SaveChangesAsync(ct);
            audit.Add(http.Actor(), "create", "routingRule", rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            router.InvalidateRules();
            return TypedResults.Created($"/api/v1/routing/rules/{rule.Id}", new RoutingRuleView(rule.Id, rule.CategoryCode, rule.DistrictId, rule.BuildingId, rule.ExecutorId, rule.StreetId));
        }).WithName("CreateRoutingRule").WithSummary("Category (+ one of district, street or building) → executor (administrator); the same category and place twice is 409.");

        group.MapDelete("/rules/{id:int}", async (int id, AppDbContext db, Router router, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            db.RoutingRules.Remove(rule);
            audit.Add(http.Actor(), "delete", "routingRule", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            router.InvalidateRules();
            return TypedResults.NoContent();
        }).WithName("DeleteRoutingRule");
        return app;
    }
}
