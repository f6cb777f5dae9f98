using System.Globalization;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Console;
using ContactCenter.Features.Knowledge;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Export;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Admin;

/// <summary>The filter and order of an administration list, as its screen and its list endpoint take them.</summary>
public sealed record AdminListQuery(string? Q = null, string? Role = null, string? Sort = null, bool Descending = false, bool? IsPublic = null,
    string? Category = null, bool IncludeInactive = false, bool IncludeRevoked = false);

/// <summary>
/// CSV or XLSX of every administration list (issues 3 and 8) through <see cref="TableExport"/> (UTF-8 with BOM, «;»), with the list's
/// current filter and order: rows come from the same *Admin services the screens call, so the file holds what the
/// screen shows (all pages). Administrator only; the export of staff personal data is audited. API keys never carry
/// the secret (only its prefix). The address register is written in the import's own columns, so it reads back.
/// </summary>
public sealed class AdminExport(UserAdmin users, ExecutorAdmin executors, CategoryAdmin categories, ReviewTrackAdmin tracks,
    KnowledgeAdmin knowledge, ApiKeyAdmin keys, AppDbContext db, AuditLog audit, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Lists = ["users", "executors", "staff", "categories", "tracks", "knowledge", "api-keys", "addresses", "routing-rules"];

    /// <summary>The list as CSV or XLSX (the same columns); <paramref name="format"/> is never JSON here.</summary>
    public async Task<IResult> ExportAsync(string list, AdminListQuery query, ExportFormat format, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        IResult Out<T>(ExportTable<T> table, IReadOnlyList<T> rows, string name) => File(format, table, rows, name);
        var result = list switch
        {
            "users" => Out(UsersTable, await AllPagesAsync(p => users.ListAsync(new UserQuery(query.Q, query.Role, query.Sort, query.Descending, p, 200), actor, ct)), list),
            "executors" => Out(ExecutorsTable, Filter(await executors.TreeAsync(ct), query, e => [e.Name, e.ShortName], e => e.IsActive), list),
            "staff" => Out(StaffTable, await StaffAsync(query, ct), list),
            "categories" => Out(CategoriesTable, Filter(await categories.TreeAsync(ct), query, c => [c.Category.Name, c.Category.Code], c => c.Category.IsActive), list),
            "tracks" => Out(TracksTable, await tracks.ListAsync(ct), list),
            "knowledge" => Out(ArticlesTable, await AllPagesAsync(p => knowledge.ListAsync(new ArticleQuery(query.Q, query.IsPublic, query.Category, query.Sort, query.Descending, p, 200), actor, ct)), list),
            "api-keys" => Out(KeysTable, await keys.ListAsync(actor, query.IncludeRevoked, ct), list),
            "addresses" => Out(AddressesTable, await AddressesAsync(query, ct), list),
            "routing-rules" => Out(RulesTable, await RulesAsync(query, ct), list),
            _ => throw Infrastructure.Errors.AppValidationException.For("list", string.Join(" | ", Lists)),
        };
        audit.Add(actor, "adminExport", "adminList", list, format == ExportFormat.Csv ? query.Q : $"{query.Q}; {format.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return result;
    }

    private IResult File<T>(ExportFormat format, ExportTable<T> table, IReadOnlyList<T> rows, string list) =>
        TableExport.Result(format, table, Async(rows), TableExport.FileName(list, format, time.GetUtcNow()), null, CancellationToken.None);

    private static async IAsyncEnumerable<T> Async<T>(IReadOnlyList<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }

    private static async Task<IReadOnlyList<T>> AllPagesAsync<T>(Func<int, Task<PageOf<T>>> page)
    {
        var all = new List<T>();
        for (var p = 0; ; p++)
        {
            var next = await page(p);
            all.AddRange(next.Items);
            if (next.Items.Count == 0 || all.Count >= next.Total)
                return all;
        }
    }

    /// <summary>The tree screens' search (every word in a name or code) over the whole tree; inactive only when asked.</summary>
    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> nodes, AdminListQuery query, Func<T, string?[]> texts, Func<T, bool> active)
    {
        var words = (query.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return nodes.Where(n => (query.IncludeInactive || active(n))
            && words.All(w => texts(n).Any(t => (t ?? "").Contains(w, StringComparison.CurrentCultureIgnoreCase)))).ToList();
    }

    private sealed record StaffRow(string Executor, string FullName, string? Position, string? Phone, string? Email, bool IsResponsible, string? Login);

    private async Task<IReadOnlyList<StaffRow>> StaffAsync(AdminListQuery query, CancellationToken ct)
    {
        var rows = await (from s in db.ExecutorStaff.AsNoTracking()
                          join e in db.Executors on s.ExecutorId equals e.Id
                          join u in db.Users on s.UserId equals u.Id into login
                          from u in login.DefaultIfEmpty()
                          orderby e.Name, s.FullName
                          select new StaffRow(e.ShortName ?? e.Name, s.FullName, s.Position, s.Phone, s.Email, s.IsResponsible, u == null ? null : u.Email))
            .ToListAsync(ct);
        var words = (query.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows.Where(r => words.All(w => r.FullName.Contains(w, StringComparison.CurrentCultureIgnoreCase) || r.Executor.Contains(w, StringComparison.CurrentCultureIgnoreCase))).ToList();
    }

    private sealed record AddressRow(string? District, string StreetType, string Street, string FormerNames, string? Building, double? Lat, double? Lon);

    private async Task<IReadOnlyList<AddressRow>> AddressesAsync(AdminListQuery query, CancellationToken ct)
    {
        var streets = db.Streets.AsNoTracking();
        foreach (var word in (query.Q ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            streets = streets.Where(s => s.SearchName.Contains(word));
        var list = await streets.Include(s => s.Buildings).Include(s => s.Aliases).AsSplitQuery().OrderBy(s => s.Name).ThenBy(s => s.Type).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string? District(int? id) => id is { } d && districts.TryGetValue(d, out var name) ? name : null;
        var rows = new List<AddressRow>();
        foreach (var s in list)
        {
            var former = string.Join("|", s.Aliases.Select(a => a.Name));
            if (s.Buildings.Count == 0)
                rows.Add(new AddressRow(District(s.DistrictId), s.Type, s.Name, former, null, null, null));
            foreach (var b in s.Buildings.OrderBy(b => Features.Addresses.AddressRegister.NumberValue(b.Number) ?? int.MaxValue).ThenBy(b => b.Number, StringComparer.Ordinal))
                rows.Add(new AddressRow(District(b.DistrictId ?? s.DistrictId), s.Type, s.Name, former, b.Number, b.Lat, b.Long));
        }
        return rows;
    }

    private sealed record RuleRow(string Category, string CategoryName, string Place, string Executor);

    private async Task<IReadOnlyList<RuleRow>> RulesAsync(AdminListQuery query, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().Where(r => query.Category == null || r.CategoryCode == query.Category)
            .Select(r => new
            {
                r.CategoryCode,
                Category = db.Categories.Where(c => c.Code == r.CategoryCode).Select(c => c.Name).FirstOrDefault(),
                District = db.Districts.Where(d => d.Id == r.DistrictId).Select(d => d.Name).FirstOrDefault(),
                Street = db.Streets.Where(s => s.Id == r.StreetId).Select(s => s.Type + " " + s.Name).FirstOrDefault(),
                Building = db.Buildings.Where(b => b.Id == r.BuildingId).Select(b => b.Street.Type + " " + b.Street.Name + ", " + b.Number).FirstOrDefault(),
                Executor = db.Executors.Where(e => e.Id == r.ExecutorId).Select(e => e.ShortName ?? e.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rules.Select(r => new RuleRow(r.CategoryCode, r.Category ?? "", r.Building ?? r.Street ?? r.District ?? AdminText.S("routing.everywhere"), r.Executor ?? ""))
            .OrderBy(r => r.CategoryName, StringComparer.CurrentCulture).ThenBy(r => r.Place, StringComparer.CurrentCulture).ToList();
    }

    private static ExportColumn<T> Col<T>(string key, Func<T, object?> value, double? width = null) => new(() => AdminText.S(key), value, width);

    private static readonly ExportTable<UserRow> UsersTable = new("Users", [
        Col<UserRow>("users.fullName", u => u.FullName, 30), Col<UserRow>("users.email", u => u.Email, 30),
        Col<UserRow>("users.roles", u => string.Join(", ", u.Roles.Select(T.Role)), 24), Col<UserRow>("users.executor", u => u.ExecutorName, 24),
        Col<UserRow>("users.locked", u => u.IsLocked), Col<UserRow>("export.twoFactor", u => u.TwoFactorEnabled),
        Col<UserRow>("users.mustChange", u => u.MustChangePassword)]);

    private static readonly ExportTable<ExecutorNode> ExecutorsTable = new("Executors", [
        Col<ExecutorNode>("export.id", e => e.Id), Col<ExecutorNode>("executors.name", e => e.Name, 40), Col<ExecutorNode>("executors.shortName", e => e.ShortName),
        Col<ExecutorNode>("executors.kind", e => AdminText.S("kind." + e.Kind)), Col<ExecutorNode>("export.parentId", e => e.ParentId),
        Col<ExecutorNode>("executors.head", e => e.ResponsiblePerson, 24), Col<ExecutorNode>("categories.active", e => e.IsActive),
        Col<ExecutorNode>("executors.competences", e => e.Competences), Col<ExecutorNode>("executors.staff", e => e.Staff)]);

    private static readonly ExportTable<StaffRow> StaffTable = new("Staff", [
        Col<StaffRow>("users.executor", s => s.Executor, 30), Col<StaffRow>("staff.name", s => s.FullName, 30), Col<StaffRow>("staff.position", s => s.Position, 24),
        Col<StaffRow>("phone", s => s.Phone), Col<StaffRow>("email", s => s.Email, 24), Col<StaffRow>("staff.responsible", s => s.IsResponsible),
        Col<StaffRow>("export.login", s => s.Login, 24)]);

    private static readonly ExportTable<CategoryNode> CategoriesTable = new("Categories", [
        Col<CategoryNode>("categories.code", c => c.Category.Code, 24), Col<CategoryNode>("categories.name", c => c.Category.Name, 36),
        Col<CategoryNode>("categories.parent", c => c.Category.ParentCode, 24), Col<CategoryNode>("categories.track", c => c.Category.ReviewTrack),
        Col<CategoryNode>("export.defaultExecutorId", c => c.Category.DefaultExecutorId), Col<CategoryNode>("categories.active", c => c.Category.IsActive),
        Col<CategoryNode>("categories.questions", c => c.Questions)]);

    private static readonly ExportTable<Features.Categories.ReviewTrackView> TracksTable = new("Tracks", [
        Col<Features.Categories.ReviewTrackView>("tracks.code", t => t.Code), Col<Features.Categories.ReviewTrackView>("tracks.name", t => t.Name, 36),
        Col<Features.Categories.ReviewTrackView>("tracks.term", t => t.Term), Col<Features.Categories.ReviewTrackView>("tracks.unit", t => AdminText.S("unit." + t.Unit))]);

    private static readonly ExportTable<ArticleRow> ArticlesTable = new("Knowledge", [
        Col<ArticleRow>("export.id", a => a.Id), Col<ArticleRow>("kb.articleTitle", a => a.Title, 50), Col<ArticleRow>("kb.category", a => a.CategoryCode, 24),
        Col<ArticleRow>("kb.public", a => a.IsPublic), Col<ArticleRow>("kb.updated", a => Kyiv(a.UpdatedAt))]);

    private static readonly ExportTable<ApiKeyRow> KeysTable = new("API keys", [
        Col<ApiKeyRow>("keys.name", k => k.Name, 30), Col<ApiKeyRow>("keys.prefix", k => k.Prefix), Col<ApiKeyRow>("keys.role", k => T.Role(k.Role)),
        Col<ApiKeyRow>("keys.executor", k => k.ExecutorName, 24), Col<ApiKeyRow>("keys.created", k => Kyiv(k.CreatedAt)),
        Col<ApiKeyRow>("keys.lastUsed", k => k.LastUsedAt is { } at ? Kyiv(at) : null), Col<ApiKeyRow>("keys.revoked", k => k.RevokedAt is { } at ? Kyiv(at) : null)]);

    // The import's own column names (AddressImport recognises them as its header line).
    private static readonly ExportTable<AddressRow> AddressesTable = new("Addresses", [
        new(() => "district", a => a.District), new(() => "street_type", a => a.StreetType), new(() => "street", a => a.Street),
        new(() => "former_names", a => a.FormerNames), new(() => "building", a => a.Building),
        new(() => "lat", a => a.Lat?.ToString("0.######", CultureInfo.InvariantCulture)), new(() => "lon", a => a.Lon?.ToString("0.######", CultureInfo.InvariantCulture))]);

    private static readonly ExportTable<RuleRow> RulesTable = new("Routing rules", [
        Col<RuleRow>("categories.code", r => r.Category, 24), Col<RuleRow>("categories.name", r => r.CategoryName, 30),
        Col<RuleRow>("routing.place", r => r.Place, 36), Col<RuleRow>("users.executor", r => r.Executor, 30)]);

    private static readonly TimeZoneInfo KyivZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    private static DateTimeOffset Kyiv(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, KyivZone);
}
