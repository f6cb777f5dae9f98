using System.Security.Cryptography;
using System.Text;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.ApiKeys;

public sealed record CreatedApiKey(int Id, string Name, string Role, int? ExecutorId, string Key);

/// <summary>Issues, finds and revokes API keys. The key itself is shown once, at creation; only its hash is kept.</summary>
public sealed class ApiKeyService(AppDbContext db, TimeProvider time)
{
    public const int PrefixLength = 8;
    public const string BootstrapName = "bootstrap-admin";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    public async Task<CreatedApiKey> CreateAsync(string name, string role, int? executorId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name))
            errors.Add("name", Text.Get("field.required"));
        if (!Roles.IsKnown(role))
            errors.Add("role", Text.Get("apiKey.role", role));
        if (role is Roles.Executor or Roles.ExecutorStaff && executorId is null)
            errors.Add("executorId", Text.Get("apiKey.executor"));
        if (executorId is { } eid && !await db.Executors.AnyAsync(e => e.Id == eid, ct))
            errors.Add("executorId", Text.Get("executor.unknown", eid));
        errors.ThrowIfAny();

        var key = "cc_" + Base64Url(RandomNumberGenerator.GetBytes(30));
        var entity = new ApiKey
        {
            Name = name.Trim(),
            Prefix = PrefixOf(key),
            Hash = Hash(key),
            Role = role,
            ExecutorId = executorId,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(entity.Id, entity.Name, role, executorId, key);
    }

    /// <summary>Makes sure the configured bootstrap key exists as an administrator key, and no stale one does.</summary>
    public async Task EnsureBootstrapKeyAsync(string? configuredKey, CancellationToken ct)
    {
        var existing = await db.ApiKeys.Where(k => k.Name == BootstrapName && k.RevokedAt == null).ToListAsync(ct);
        var hash = configuredKey is { Length: > 0 } ? Hash(configuredKey) : null;
        foreach (var stale in existing.Where(k => k.Hash != hash))
            stale.RevokedAt = time.GetUtcNow();
        if (hash is not null && existing.All(k => k.Hash != hash))
        {
            db.ApiKeys.Add(new ApiKey
            {
                Name = BootstrapName,
                Prefix = PrefixOf(configuredKey!),
                Hash = hash,
                Role = Roles.Administrator,
                CreatedAt = time.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
