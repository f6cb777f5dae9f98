using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Features.Executors;

/// <summary>Names and hierarchy of executor organisations, cached briefly: every card and list needs them.</summary>
public sealed class ExecutorDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string Key = "executors:directory";

    public sealed record Entry(int Id, string Name, int? ParentId, bool IsActive);

    public async Task<IReadOnlyDictionary<int, Entry>> AllAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var list = await db.Executors.AsNoTracking()
                .Select(x => new Entry(x.Id, x.ShortName ?? x.Name, x.ParentId, x.IsActive))
                .ToListAsync(ct);
            return (IReadOnlyDictionary<int, Entry>)list.ToDictionary(x => x.Id);
        }))!;

    public void Invalidate() => cache.Remove(Key);

    /// <summary>The executor and every unit below it: an executor sees the work it passed down.</summary>
    public async Task<IReadOnlySet<int>> ScopeOfAsync(int executorId, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        var result = new HashSet<int> { executorId };
        bool grew;
        do
        {
            grew = false;
            foreach (var e in all.Values)
            {
                if (e.ParentId is { } p && result.Contains(p) && result.Add(e.Id))
                    grew = true;
            }
        }
        while (grew);
        return result;
    }

    public async Task<ExecutorRefLookup> LookupAsync(CancellationToken ct = default) => new(await AllAsync(ct));
}

public sealed class ExecutorRefLookup(IReadOnlyDictionary<int, ExecutorDirectory.Entry> all)
{
    public Appeals.ExecutorRef? Ref(int? id) =>
        id is { } i ? new Appeals.ExecutorRef(i, all.TryGetValue(i, out var e) ? e.Name : $"#{i}") : null;

    public bool Exists(int id) => all.ContainsKey(id);

    public int? ParentOf(int id) => all.TryGetValue(id, out var e) ? e.ParentId : null;
}
