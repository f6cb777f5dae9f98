using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Knowledge;

/// <summary>One article found, with how well it matched (the number of query words it contains, title words counted twice).</summary>
public sealed record KnowledgeHit(int Id, string Title, string Snippet, string Body, string? CategoryCode, bool IsPublic, int Score);

/// <summary>
/// Full-text search over the knowledge base (F7), the same on SQLite and PostgreSQL: the lower-cased
/// <see cref="KnowledgeArticle.SearchText"/> must contain at least one (crudely stemmed) word of the query; the hits are
/// ranked by how many words they contain, title words weigh double, an article of the appeal's category first among
/// equals. A community keeps hundreds of articles, not millions: the ranking runs over the matching rows in memory.
/// Staff see internal articles too; everyone else only public ones.
/// </summary>
public sealed partial class KnowledgeSearch(AppDbContext db)
{
    public const int MaxResults = 50;
    private const int MaxWords = 12;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string? query, Actor actor, string? categoryCode = null, int limit = 10, CancellationToken ct = default)
    {
        if (limit is < 1 or > MaxResults)
            throw AppValidationException.For("limit", $"1 … {MaxResults}");
        var words = Stems(query);
        if (words.Count == 0)
            return [];
        var articles = db.KnowledgeArticles.AsNoTracking();
        if (!IsStaff(actor))
            articles = articles.Where(a => a.IsPublic);
        articles = articles.Where(AnyWord(words));
        var rows = await articles.Select(a => new { a.Id, a.Title, a.Body, a.CategoryCode, a.IsPublic, a.SearchText }).Take(500).ToListAsync(ct);
        return rows
            .Select(a =>
            {
                var title = a.Title.ToLowerInvariant();
                var score = words.Sum(w => (a.SearchText.Contains(w, StringComparison.Ordinal) ? 1 : 0) + (title.Contains(w, StringComparison.Ordinal) ? 1 : 0));
                return new KnowledgeHit(a.Id, a.Title, Snippet(a.Body), a.Body, a.CategoryCode, a.IsPublic, score);
            })
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => categoryCode is not null && h.CategoryCode == categoryCode)
            .ThenBy(h => h.Title, StringComparer.CurrentCulture)
            .Take(limit)
            .ToList();
    }

    public async Task<KnowledgeArticle> GetAsync(int id, Actor actor, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null || (!article.IsPublic && !IsStaff(actor)))
            throw new NotFoundException(Infrastructure.Text.Get("error.notFound"));
        return article;
    }

    /// <summary>People of the community's staff; machines (integration keys) read only what the public reads.</summary>
    public static bool IsStaff(Actor actor) => actor.Role is Identity.Roles.Operator or Identity.Roles.Supervisor or Identity.Roles.Administrator
        or Identity.Roles.Executor or Identity.Roles.ExecutorStaff or Identity.Roles.Leadership;

    /// <summary>
    /// The words of a text as the search uses them: lower case, letters and digits, at least three characters, with a
    /// crude stem (Ukrainian words change their endings: «вода», «води», «воду»), common short words dropped.
    /// </summary>
    public static List<string> Stems(string? text) =>
        Words().Matches((text ?? "").ToLowerInvariant().Replace('’', '\'').Replace('ʼ', '\''))
            .Select(m => m.Value)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Select(w => w.Length > 6 ? w[..^2] : w.Length > 3 ? w[..^1] : w)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "або", "але", "біля", "вже", "від", "для", "його", "мені", "мене", "нас", "нам", "немає", "під", "про", "при", "так",
        "тому", "уже", "через", "що", "щоб", "який", "яка", "які", "the", "and", "for", "with",
    };

    private static Expression<Func<KnowledgeArticle, bool>> AnyWord(IReadOnlyList<string> words)
    {
        var a = Expression.Parameter(typeof(KnowledgeArticle), "a");
        var text = Expression.Property(a, nameof(KnowledgeArticle.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? body = null;
        foreach (var w in words)
        {
            // Each word a parameter (not a constant), so the provider sends it bound and escapes nothing by hand.
            var holder = new WordHolder(w);
            Expression call = Expression.Call(text, contains, Expression.Property(Expression.Constant(holder), nameof(WordHolder.Word)));
            body = body is null ? call : Expression.OrElse(body, call);
        }
        return Expression.Lambda<Func<KnowledgeArticle, bool>>(body!, a);
    }

    private sealed record WordHolder(string Word);

    private static string Snippet(string body)
    {
        var plain = Tags().Replace(body, " ");
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length > 220 ? plain[..220] + "…" : plain;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
