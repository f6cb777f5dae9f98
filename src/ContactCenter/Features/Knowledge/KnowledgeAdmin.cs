using System.Globalization;
using ContactCenter.Features.Admin;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Knowledge;

public sealed record ArticleRow(int Id, string Title, string? CategoryCode, bool IsPublic, DateTimeOffset UpdatedAt);

public sealed record ArticleView(int Id, string Title, string Body, string BodyHtml, string? CategoryCode, bool IsPublic, DateTimeOffset UpdatedAt);

public sealed record ArticleInput(string? Title, string? Body, string? CategoryCode, bool IsPublic);

public sealed record ArticleQuery(string? Q = null, bool? IsPublic = null, string? CategoryCode = null, string? Sort = null, bool Descending = false, int Page = 0, int PageSize = 25);

/// <summary>
/// Knowledge-base articles for the administrator (F7.1, F11): list with search, create, edit, publish (public = on the
/// portal's FAQ) or keep internal, delete. Bodies are Markdown (<see cref="KnowledgeAdminMarkdown"/>). Audited.
/// </summary>
public sealed class KnowledgeAdmin(AppDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxBody = 20_000;

    public async Task<PageOf<ArticleRow>> ListAsync(ArticleQuery query, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var q = db.KnowledgeArticles.AsNoTracking();
        // The same search as the portal's FAQ: every word must occur in the lower-cased text.
        foreach (var word in (query.Q ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            q = q.Where(a => a.SearchText.Contains(word));
        if (query.IsPublic is { } pub)
            q = q.Where(a => a.IsPublic == pub);
        if (query.CategoryCode is { Length: > 0 } cat)
            q = q.Where(a => a.CategoryCode == cat);
        var total = await q.CountAsync(ct);
        q = (query.Sort, query.Descending) switch
        {
            ("updatedAt", false) => q.OrderBy(a => a.UpdatedAt),
            ("updatedAt", true) => q.OrderByDescending(a => a.UpdatedAt),
            ("category", false) => q.OrderBy(a => a.CategoryCode).ThenBy(a => a.Title),
            ("category", true) => q.OrderByDescending(a => a.CategoryCode).ThenBy(a => a.Title),
            (_, true) => q.OrderByDescending(a => a.Title),
            _ => q.OrderBy(a => a.Title),
        };
        var size = Math.Clamp(query.PageSize, 1, 200);
        var items = await q.Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(a => new ArticleRow(a.Id, a.Title, a.CategoryCode, a.IsPublic, a.UpdatedAt)).ToListAsync(ct);
        return new PageOf<ArticleRow>(items, total);
    }

    public async Task<ArticleView> GetAsync(int id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var a = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        return ToView(a);
    }

    public async Task<ArticleView> SaveAsync(int? id, ArticleInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
            errors.Add("title", Text.Get("field.required"));
        else if (input.Title.Length > 300)
            errors.Add("title", Text.Get("field.tooLong", 300));
        if (string.IsNullOrWhiteSpace(input.Body))
            errors.Add("body", Text.Get("field.required"));
        else if (input.Body.Length > MaxBody)
            errors.Add("body", Text.Get("field.tooLong", MaxBody));
        if (input.CategoryCode is { Length: > 0 } c && !await db.Categories.AnyAsync(x => x.Code == c, ct))
            errors.Add("categoryCode", Text.Get("category.unknown", c));
        errors.ThrowIfAny();
        KnowledgeArticle article;
        if (id is { } existing)
            article = await db.KnowledgeArticles.FirstOrDefaultAsync(x => x.Id == existing, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        else
            article = db.KnowledgeArticles.Add(new KnowledgeArticle { Title = "", Body = "" }).Entity;
        var wasPublic = article.IsPublic;
        article.Title = input.Title!.Trim();
        article.Body = input.Body!.Trim();
        article.CategoryCode = input.CategoryCode is { Length: > 0 } ? input.CategoryCode : null;
        article.IsPublic = input.IsPublic;
        article.SearchText = KnowledgeArticle.SearchTextOf(article.Title, KnowledgeAdminMarkdown.ToPlainText(article.Body));
        article.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var action = id is null ? "create" : input.IsPublic && !wasPublic ? "publish" : !input.IsPublic && wasPublic ? "unpublish" : "update";
        audit.Add(actor, action, "knowledgeArticle", article.Id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(ct);
        return ToView(article);
    }

    public async Task DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        db.KnowledgeArticles.Remove(article);
        audit.Add(actor, "delete", "knowledgeArticle", id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(ct);
    }

    private static ArticleView ToView(KnowledgeArticle a) =>
        new(a.Id, a.Title, a.Body, KnowledgeAdminMarkdown.ToHtml(a.Body), a.CategoryCode, a.IsPublic, a.UpdatedAt);
}
