using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Admin;

/// <summary>A category with how much depends on it: a used category is deactivated, never deleted.</summary>
public sealed record CategoryNode(CategoryView Category, string? NameEn, int SortOrder, int Questions, int Children);

/// <summary>
/// The category tree (F11.1): create, edit (name, parent, review track, early warning, address required, Open311 code,
/// default executor), move, deactivate, and delete only what nothing uses. Administrator only, audited; behind
/// <c>PUT /api/v1/categories/{code}</c> and the console.
/// </summary>
public sealed class CategoryAdmin(AppDbContext db, CategoryDirectory directory, AuditLog audit)
{
    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var used = await db.Questions.GroupBy(q => q.CategoryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return categories.Select(c => new CategoryNode(ToView(c), c.NameEn, c.SortOrder, used.GetValueOrDefault(c.Code),
            categories.Count(x => x.ParentCode == c.Code))).ToList();
    }

    public async Task<CategoryView> PutAsync(string code, CategoryInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(code))
            errors.Add("code", Text.Get("field.required"));
        else if (code.Length > 64)
            errors.Add("code", Text.Get("field.tooLong", 64));
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add("name", Text.Get("field.required"));
        if (input.ParentCode is { Length: > 0 } p)
        {
            if (p == code || !await db.Categories.AnyAsync(c => c.Code == p, ct))
                errors.Add("parentCode", Text.Get("category.unknown", p));
            else if (await IsBelowAsync(p, code, ct))
                errors.Add("parentCode", Text.Get("admin.tree.cycle"));
        }
        if (input.ReviewTrack is { Length: > 0 } t && !await db.ReviewTracks.AnyAsync(r => r.Code == t, ct))
            errors.Add("reviewTrack", Text.Get("reviewTrack.unknown", t));
        if (input.DefaultExecutorId is { } e && !await db.Executors.AnyAsync(x => x.Id == e, ct))
            errors.Add("defaultExecutorId", Text.Get("executor.unknown", e));
        if (input.EarlyWarningHours is < 0 or > 720)
            errors.Add("earlyWarningHours", Text.Get("admin.range", 0, 720));
        if (input.Open311ServiceCode is { Length: > 0 } s
            && await db.Categories.AnyAsync(c => c.Open311ServiceCode == s && c.Code != code, ct))
            errors.Add("open311ServiceCode", Text.Get("admin.open311Taken", s));
        errors.ThrowIfAny();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct);
        var created = category is null;
        category ??= db.Categories.Add(new Category { Code = code, Name = input.Name! }).Entity;
        category.Name = input.Name!.Trim();
        category.ParentCode = input.ParentCode is { Length: > 0 } ? input.ParentCode : null;
        category.DefaultExecutorId = input.DefaultExecutorId;
        category.ReviewTrackCode = input.ReviewTrack is { Length: > 0 } ? input.ReviewTrack : null;
        category.Open311ServiceCode = input.Open311ServiceCode is { Length: > 0 } ? input.Open311ServiceCode.Trim() : null;
        category.AddressRequired = input.AddressRequired;
        category.EarlyWarningHours = input.EarlyWarningHours ?? category.EarlyWarningHours;
        category.IsActive = input.IsActive ?? category.IsActive;
        audit.Add(actor, created ? "create" : "update", "category", code,
            $"{category.Name}; parent {category.ParentCode}; track {category.ReviewTrackCode}; executor {category.DefaultExecutorId}; active {category.IsActive}");
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return ToView(category);
    }

    /// <summary>Moves a category under another parent (or to the top), keeping everything else.</summary>
    public async Task<CategoryView> MoveAsync(string code, string? parentCode, Actor actor, CancellationToken ct)
    {
        var c = await db.Categories.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException(Text.Get("category.unknown", code));
        return await PutAsync(code, new CategoryInput(code, c.Name, parentCode, c.DefaultExecutorId, c.ReviewTrackCode, c.Open311ServiceCode,
            c.AddressRequired, c.EarlyWarningHours, c.IsActive), actor, ct);
    }

    /// <summary>Deletes a category nothing refers to; one used by appeals, sub-categories, rules or articles must be deactivated instead (409).</summary>
    public async Task DeleteAsync(string code, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException(Text.Get("category.unknown", code));
        var used = await db.Questions.AnyAsync(q => q.CategoryCode == code, ct)
            || await db.Categories.AnyAsync(c => c.ParentCode == code, ct)
            || await db.RoutingRules.AnyAsync(r => r.CategoryCode == code, ct)
            || await db.ExecutorCompetences.AnyAsync(x => x.CategoryCode == code, ct)
            || await db.KnowledgeArticles.AnyAsync(a => a.CategoryCode == code, ct);
        if (used)
            throw new ConflictException(Text.Get("admin.category.used", code));
        db.Categories.Remove(category);
        audit.Add(actor, "delete", "category", code, category.Name);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
    }

    private async Task<bool> IsBelowAsync(string candidate, string code, CancellationToken ct)
    {
        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ParentCode, ct);
        for (string? at = candidate; at is not null; at = parents.GetValueOrDefault(at))
        {
            if (at == code)
                return true;
        }
        return false;
    }

    public static CategoryView ToView(Category c) => new(c.Code, c.Name, c.ParentCode, c.DefaultExecutorId, c.ReviewTrackCode,
        c.Open311ServiceCode, c.AddressRequired, c.EarlyWarningHours, c.IsActive);
}

/// <summary>Review tracks («строки розгляду»): terms in working or calendar days, within Art. 20. Administrator only, audited.</summary>
public sealed class ReviewTrackAdmin(AppDbContext db, CalendarService calendar, AuditLog audit)
{
    public async Task<IReadOnlyList<ReviewTrackView>> ListAsync(CancellationToken ct) =>
        await db.ReviewTracks.AsNoTracking().OrderBy(t => t.Unit).ThenBy(t => t.Term)
            .Select(t => new ReviewTrackView(t.Code, t.Name, t.Term, t.Unit)).ToListAsync(ct);

    public async Task<ReviewTrackView> PutAsync(string code, ReviewTrackInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(code))
            errors.Add("code", Text.Get("field.required"));
        else if (code.Length > 32)
            errors.Add("code", Text.Get("field.tooLong", 32));
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add("name", Text.Get("field.required"));
        if (input.Unit is null)
            errors.Add("unit", Text.Get("field.required"));
        // R8: an installation's tracks must fit the law: a month at most (Art. 20).
        var max = input.Unit switch { TermUnit.WorkingDays => 20, TermUnit.CalendarDays => 30, _ => 720 };
        if (input.Term is not { } term || term < 1 || term > max)
            errors.Add("term", Text.Get("reviewTrack.term", max));
        errors.ThrowIfAny();
        var track = await db.ReviewTracks.FirstOrDefaultAsync(t => t.Code == code, ct);
        if (track is null)
            db.ReviewTracks.Add(track = new ReviewTrackEntity { Code = code, Name = input.Name!.Trim() });
        track.Name = input.Name!.Trim();
        track.Term = input.Term!.Value;
        track.Unit = input.Unit!.Value;
        audit.Add(actor, "update", "reviewTrack", code, $"{track.Term} {track.Unit}");
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return new ReviewTrackView(track.Code, track.Name, track.Term, track.Unit);
    }
}
