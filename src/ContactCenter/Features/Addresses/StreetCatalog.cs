using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Addresses;

/// <summary>A street as the matcher sees it: its current name and former names, normalised.</summary>
public sealed record StreetEntry(int Id, string Type, string Name, int? DistrictId, string SearchName, IReadOnlyList<string> FormerNames);

/// <summary>A matched street; a lower score is a better match (exact, then contained words, then a one-letter typo; former names rank after current ones).</summary>
public sealed record StreetMatch(int Id, string Type, string Name, int? DistrictId, int Score, string? MatchedFormerName);

/// <summary>
/// The community's streets with their former names, cached in memory for matching (at most a few thousand).
/// An import on this instance refreshes it at once; other instances pick the change up within <see cref="Lifetime"/>.
/// </summary>
public sealed class StreetCatalog(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Snapshot(IReadOnlyList<StreetEntry> Streets, DateTimeOffset LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<IReadOnlyList<StreetEntry>> AllAsync(CancellationToken ct)
    {
        var s = _snapshot;
        if (s is not null && time.GetUtcNow() - s.LoadedAt < Lifetime)
            return s.Streets;
        await _loading.WaitAsync(ct);
        try
        {
            s = _snapshot;
            if (s is not null && time.GetUtcNow() - s.LoadedAt < Lifetime)
                return s.Streets;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var streets = await db.Streets.AsNoTracking().Select(x => new { x.Id, x.Type, x.Name, x.DistrictId, x.SearchName }).ToListAsync(ct);
            var aliases = (await db.StreetAliases.AsNoTracking().Select(a => new { a.StreetId, a.SearchName }).ToListAsync(ct))
                .ToLookup(a => a.StreetId, a => a.SearchName);
            var list = streets.Select(x => new StreetEntry(x.Id, x.Type, x.Name, x.DistrictId,
                x.SearchName.Length > 0 ? x.SearchName : AddressRegister.Normalize(x.Name), aliases[x.Id].ToList())).ToList();
            _snapshot = new Snapshot(list, time.GetUtcNow());
            return list;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Streets whose current or former name matches the normalised street words, best first.</summary>
    public async Task<IReadOnlyList<StreetMatch>> MatchAsync(string normalizedStreet, CancellationToken ct)
    {
        var streets = await AllAsync(ct);
        var words = normalizedStreet.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return [];
        var matches = new List<StreetMatch>();
        foreach (var s in streets)
        {
            var score = Score(normalizedStreet, words, s.SearchName);
            string? former = null;
            foreach (var alias in s.FormerNames)
            {
                var a = Score(normalizedStreet, words, alias);
                if (a is { } aliasScore && (score is null || aliasScore + 1 < score))
                {
                    score = aliasScore + 1;
                    former = alias;
                }
            }
            if (score is { } found)
                matches.Add(new StreetMatch(s.Id, s.Type, s.Name, s.DistrictId, found, former));
        }
        return matches.OrderBy(m => m.Score).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
    }

    // 0 exact, 2 every word contained, 4 every word within one edit of a word of the name; former names add 1.
    private static int? Score(string query, string[] words, string name)
    {
        if (name == query)
            return 0;
        var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.All(w => nameWords.Any(n => n.Contains(w, StringComparison.Ordinal))))
            return 2;
        if (WithinOneEdit(query, name)
            || words.All(w => nameWords.Any(n => n.Contains(w, StringComparison.Ordinal) || (w.Length >= 4 && WithinOneEdit(w, n)))))
            return 4;
        return null;
    }

    /// <summary>Levenshtein distance at most 1 (one letter inserted, deleted or replaced).</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        if (a.Length > b.Length)
            (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }
            if (++edits > 1)
                return false;
            if (a.Length == b.Length)
                i++;
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
