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
public sealed record RoutingSuggestionView(string CategoryCode, int? ExecutorId, string? ExecutorName, string? Reason, string ReviewTrack, DateTimeOffset DueAt, int? RuleId = null);

public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/routing").WithTags("Routing").RequireAuthorization();

        // Operators (and integrations registering appeals) see the suggestion before saving; supervisors and administrators too.
        group.MapGet("/suggest", async (string? categoryCode, int? addressId, string? priority, RoutingPreview preview, HttpContext http, CancellationToken ct) =>
        {
            if (!http.Actor().CanRegister)
                throw new ForbiddenException(Text.Get("error.forbidden"));
            return TypedResults.Ok(await preview.SuggestAsync(categoryCode, addressId, priority, ct));
        }).WithName("SuggestRouting").WithSummary("The executor, review track, deadline and deciding rule a new question would get now (operator, supervisor, administrator, integration).");

        group.MapGet("/rules", async (RoutingRuleAdmin rules, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await rules.AllAsync(http.Actor(), ct)))
            .WithName("ListRoutingRules").WithSummary("Every routing rule (administrator, supervisor).");

        group.MapGet("/rules/page", async (string? category, int? executorId, string? sort, bool? desc, int? page, int? pageSize, RoutingRuleAdmin rules, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await rules.ListAsync(new RoutingRuleQuery(category, executorId, sort, desc ?? false, page ?? 0, pageSize ?? 25), http.Actor(), ct)))
            .WithName("PageRoutingRules").WithSummary("Routing rules with names, one page (?category (with the categories below), executorId, sort=category|executor|place, desc) (administrator, supervisor).");

        group.MapPost("/rules", async (RoutingRuleInput input, RoutingRuleAdmin rules, HttpContext http, CancellationToken ct) =>
        {
            var rule = await rules.CreateAsync(input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/routing/rules/{rule.Id}", rule);
        }).WithName("CreateRoutingRule").WithSummary("Category (+ one of district, street or building) → executor (administrator); the same category and place twice is 409.");

        group.MapPut("/rules/{id:int}", async (int id, RoutingRuleInput input, RoutingRuleAdmin rules, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await rules.UpdateAsync(id, input, http.Actor(), ct)))
            .WithName("UpdateRoutingRule").WithSummary("Change a routing rule (administrator); the same rules as creating one.");

        group.MapDelete("/rules/{id:int}", async (int id, RoutingRuleAdmin rules, HttpContext http, CancellationToken ct) =>
        {
            await rules.DeleteAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteRoutingRule");
        return app;
    }
}
