using ContactCenter.Features.Admin;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.ApiKeys;

public sealed record ApiKeyInput(string? Name, string? Role, int? ExecutorId);

public sealed record ApiKeyView(int Id, string Name, string Role, int? ExecutorId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The API of <see cref="ApiKeyAdmin"/> (administrator).</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("Administration").RequireAuthorization();
        group.MapGet("/", async (bool? includeRevoked, ApiKeyAdmin keys, HttpContext http, CancellationToken ct) =>
        {
            var list = await keys.ListAsync(http.Actor(), includeRevoked ?? true, ct);
            return TypedResults.Ok(list.OrderBy(k => k.Id).Select(k => new ApiKeyView(k.Id, k.Name, k.Role, k.ExecutorId, k.CreatedAt, k.RevokedAt)).ToList());
        }).WithName("ListApiKeys");
        group.MapPost("/", async (ApiKeyInput input, ApiKeyAdmin keys, HttpContext http, CancellationToken ct) =>
        {
            var created = await keys.CreateAsync(input.Name, input.Role, input.ExecutorId, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
        }).WithName("CreateApiKey").WithSummary("Issue a key; the key is in this response only.");
        group.MapDelete("/{id:int}", async (int id, ApiKeyAdmin keys, HttpContext http, CancellationToken ct) =>
        {
            await keys.RevokeAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("RevokeApiKey");
        return app;
    }
}
