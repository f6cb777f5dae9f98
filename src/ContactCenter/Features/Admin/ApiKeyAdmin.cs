using System.Globalization;
using ContactCenter.Features.ApiKeys;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Features.Admin;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, string Role, int? ExecutorId, string? ExecutorName,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// API keys for the administrator: list, issue (the key is returned once, by <see cref="ApiKeyService"/>), revoke.
/// Behind <c>/api/v1/api-keys</c> and the console; audited.
/// </summary>
public sealed class ApiKeyAdmin(AppDbContext db, ApiKeyService keys, AuditLog audit, TimeProvider time, IMemoryCache cache)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(Actor actor, bool includeRevoked, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var q = db.ApiKeys.AsNoTracking();
        if (!includeRevoked)
            q = q.Where(k => k.RevokedAt == null);
        return await q.OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Role, k.ExecutorId,
                db.Executors.Where(e => e.Id == k.ExecutorId).Select(e => e.ShortName ?? e.Name).FirstOrDefault(),
                k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<CreatedApiKey> CreateAsync(string? name, string? role, int? executorId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var created = await keys.CreateAsync(name ?? "", role ?? "", executorId, ct);
        audit.Add(actor, "create", "apiKey", created.Id.ToString(CultureInfo.InvariantCulture), $"{created.Name}; {created.Role}; executor {executorId}");
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Revokes a key; on this instance it stops working at once, on others when their short cache expires.</summary>
    public async Task RevokeAsync(int id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        key.RevokedAt ??= time.GetUtcNow();
        audit.Add(actor, "delete", "apiKey", id.ToString(CultureInfo.InvariantCulture), key.Name);
        await db.SaveChangesAsync(ct);
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.Hash));
    }
}
