using ContactCenter.Features.Categories;

namespace ContactCenter.Features.Console;

/// <summary>
/// Runs one console operation in its own DI scope: a circuit lives for hours, a DbContext must not. Every button,
/// lookup and refresh gets a fresh scope (and so a fresh pooled DbContext) and lets it go at once.
/// </summary>
public sealed class ConsoleScope(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> RunAsync<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}

/// <summary>A category as the operator picks it: a leaf of the tree, shown with its parent.</summary>
public sealed record CategoryOption(string Code, string Name, string? Parent, bool AddressRequired)
{
    public string Label => Parent is null ? Name : $"{Parent} › {Name}";

    public static async Task<IReadOnlyList<CategoryOption>> LeavesAsync(CategoryDirectory directory, bool english, CancellationToken ct = default)
    {
        var all = await directory.AllAsync(ct);
        var parents = all.Values.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet(StringComparer.Ordinal);
        string Name(Category c) => english && c.NameEn is { Length: > 0 } ? c.NameEn : c.Name;
        return all.Values
            .Where(c => c.IsActive && !parents.Contains(c.Code))
            .OrderBy(c => c.ParentCode).ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryOption(c.Code, Name(c), c.ParentCode is { } p && all.TryGetValue(p, out var parent) ? Name(parent) : null, c.AddressRequired))
            .ToList();
    }

    public bool Matches(string query)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => Label.Contains(w, StringComparison.CurrentCultureIgnoreCase) || Code.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
