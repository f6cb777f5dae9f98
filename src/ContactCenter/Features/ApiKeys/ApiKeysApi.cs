using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.ApiKeys;

public sealed record ApiKeyInput(string? Name, string? Role, int? ExecutorId);

public sealed record ApiKeyView(int Id, string Name, string Role, int? ExecutorId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("Administration").RequireAuthorization();
        group.MapGet("/", async (AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
            return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.Name, k.Role, k.ExecutorId, k.CreatedAt, k.RevokedAt)).ToList());
        }).WithName("ListApiKeys");
        group.MapPost("/", async (ApiKeyInput input, ApiKeyService keys, AuditLog audit, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var created = await keys.CreateAsync(input.Name ?? "", input.Role ?? "", input.ExecutorId, ct);
            audit.Add(http.Actor(), "create", "apiKey", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), created.Role);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
        }).WithName("CreateApiKey").WithSummary("Issue a key; the key is in this response only.");
        group.MapDelete("/{id:int}", async (int id, AppDbContext db, AuditLog audit, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            key.RevokedAt ??= time.GetUtcNow();
            audit.Add(http.Actor(), "delete", "apiKey", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("RevokeApiKey");
        return app;
    }

}
