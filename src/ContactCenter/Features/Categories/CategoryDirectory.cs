using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Features.Categories;

/// <summary>
/// The category tree, cached briefly: registration, routing and every card need it, and it changes rarely.
/// This instance's edits invalidate it at once; another instance's within <see cref="CacheFor"/>.
/// </summary>
public sealed class CategoryDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string Key = "categories:all";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyDictionary<string, Category>> AllAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var list = await db.Categories.AsNoTracking().ToListAsync(ct);
            return (IReadOnlyDictionary<string, Category>)list.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        }))!;

    public void Invalidate() => cache.Remove(Key);
}
