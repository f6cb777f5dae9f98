using ContactCenter.Features.Categories;
using ContactCenter.Features.Knowledge;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Admin;

public sealed record ActiveInput(bool Active);

public sealed record MoveInput(string? ParentCode);

/// <summary>Administration endpoints (F11) beside those of reference data and API keys; each calls one *Admin service.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Administration");

        api.MapGet("/admin/exports/{list}", async (string list, string? q, string? role, string? sort, bool? desc, bool? isPublic, string? category,
                bool? includeInactive, bool? includeRevoked, string? format, AdminExport export, HttpContext http, CancellationToken ct) =>
            await export.ExportAsync(list, new AdminListQuery(q, role, sort, desc ?? false, isPublic, category, includeInactive ?? false, includeRevoked ?? false),
                string.IsNullOrWhiteSpace(format) ? Infrastructure.Export.ExportFormat.Csv
                    : Infrastructure.Export.TableExport.ParseFormat(format, Infrastructure.Export.ExportFormat.Csv, Infrastructure.Export.ExportFormat.Xlsx),
                http.Actor(), ct))
            .WithName("ExportAdminList")
            .WithSummary("CSV (UTF-8 with BOM, «;»; the default) or XLSX (format=xlsx) of an administration list with its filter and order: users, executors, staff, categories, tracks, knowledge, api-keys (no secrets), addresses (the import's columns), routing-rules.");

        var users = api.MapGroup("/users");
        users.MapGet("/", async (string? q, string? role, string? sort, bool? desc, int? page, int? pageSize, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(new UserQuery(q, role, sort, desc ?? false, page ?? 0, pageSize ?? 25), http.Actor(), ct)))
            .WithName("ListUsers").WithSummary("Staff accounts, a page at a time (?q=, role, sort=name|email|locked, desc, page, pageSize).");
        users.MapGet("/{id}", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.GetAsync(id, http.Actor(), ct))).WithName("GetUser");
        users.MapPost("/", async (UserInput input, UserAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            var created = await admin.CreateAsync(input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/users/{created.User.Id}", created);
        }).WithName("CreateUser").WithSummary("Create a staff account; the temporary password is in this response only.");
        users.MapPut("/{id}", async (string id, UserInput input, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.UpdateAsync(id, input, http.Actor(), ct)))
            .WithName("UpdateUser").WithSummary("Name, roles and executor binding (e-mail stays).");
        users.MapPost("/{id}/lock", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.SetLockedAsync(id, true, http.Actor(), ct))).WithName("LockUser");
        users.MapPost("/{id}/unlock", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.SetLockedAsync(id, false, http.Actor(), ct))).WithName("UnlockUser");
        users.MapPost("/{id}/reset-two-factor", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.ResetTwoFactorAsync(id, http.Actor(), ct))).WithName("ResetUserTwoFactor");
        users.MapPost("/{id}/reset-password", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.ResetPasswordAsync(id, http.Actor(), ct)))
            .WithName("ResetUserPassword").WithSummary("A new temporary password (in this response only), to be changed at the next sign-in.");
        users.MapPost("/{id}/sign-out-everywhere", async (string id, UserAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            await admin.SignOutEverywhereAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("SignUserOutEverywhere");

        var executors = api.MapGroup("/executors");
        executors.MapPut("/{id:int}", async (int id, ExecutorInput input, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.UpdateAsync(id, input, http.Actor(), ct)))
            .WithName("UpdateExecutor").WithSummary("Edit an executor organisation (administrator); the hierarchy stays a tree.");
        executors.MapPut("/{id:int}/active", async (int id, ActiveInput input, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            await admin.SetActiveAsync(id, input.Active, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("SetExecutorActive");
        executors.MapGet("/{id:int}/staff", async (int id, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.StaffAsync(id, http.Actor(), ct))).WithName("ListExecutorStaff");
        executors.MapPost("/{id:int}/staff", async (int id, StaffInput input, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            var member = await admin.SaveStaffAsync(id, null, input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/executors/{id}/staff/{member.Id}", member);
        }).WithName("AddExecutorStaff");
        executors.MapPut("/{id:int}/staff/{staffId:int}", async (int id, int staffId, StaffInput input, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.SaveStaffAsync(id, staffId, input, http.Actor(), ct))).WithName("UpdateExecutorStaff");
        executors.MapDelete("/{id:int}/staff/{staffId:int}", async (int id, int staffId, ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            await admin.RemoveStaffAsync(id, staffId, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("RemoveExecutorStaff");
        executors.MapGet("/{id:int}/staff/login-candidates", async (int id, StaffLogins logins, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await logins.CandidatesAsync(id, http.Actor(), ct)))
            .WithName("ListStaffLoginCandidates").WithSummary("Logins with an executor role of this organisation, with the staff member each is linked to.");
        executors.MapPut("/{id:int}/staff/{staffId:int}/login", async (int id, int staffId, StaffLoginInput input, StaffLogins logins, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await logins.LinkAsync(id, staffId, input.UserId, http.Actor(), ct)))
            .WithName("LinkStaffLogin").WithSummary("Link a login of the same organisation (executor role) to the staff member; one each way, else 409.");
        executors.MapPost("/{id:int}/staff/{staffId:int}/login", async (int id, int staffId, NewStaffLoginInput input, StaffLogins logins, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await logins.CreateLoginAsync(id, staffId, input, http.Actor(), ct)))
            .WithName("CreateStaffLogin").WithSummary("Create a login (role executorStaff, temporary password returned once) for the staff member and link it.");
        executors.MapDelete("/{id:int}/staff/{staffId:int}/login", async (int id, int staffId, StaffLogins logins, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await logins.UnlinkAsync(id, staffId, http.Actor(), ct))).WithName("UnlinkStaffLogin");

        var categories = api.MapGroup("/categories");
        categories.MapPost("/{code}/move", async (string code, MoveInput input, CategoryAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.MoveAsync(code, input.ParentCode, http.Actor(), ct)))
            .WithName("MoveCategory").WithSummary("Put a category under another parent (null: top level).");
        categories.MapDelete("/{code}", async (string code, CategoryAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            await admin.DeleteAsync(code, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteCategory").WithSummary("Delete an unused category; a used one is 409 — deactivate it instead.");

        var articles = api.MapGroup("/knowledge-articles");
        articles.MapGet("/", async (string? q, bool? isPublic, string? category, string? sort, bool? desc, int? page, int? pageSize, KnowledgeAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(new ArticleQuery(q, isPublic, category, sort, desc ?? false, page ?? 0, pageSize ?? 25), http.Actor(), ct)))
            .WithName("ListKnowledgeArticles").WithSummary("Knowledge-base articles for the administrator (?q=, isPublic, category, sort=title|updatedAt|category).");
        articles.MapGet("/{id:int}", async (int id, KnowledgeAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.GetAsync(id, http.Actor(), ct))).WithName("GetKnowledgeArticle");
        articles.MapPost("/", async (ArticleInput input, KnowledgeAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            var article = await admin.SaveAsync(null, input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/knowledge-articles/{article.Id}", article);
        }).WithName("CreateKnowledgeArticle").WithSummary("Create an article; the body is Markdown (raw HTML is shown as text).");
        articles.MapPut("/{id:int}", async (int id, ArticleInput input, KnowledgeAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.SaveAsync(id, input, http.Actor(), ct))).WithName("UpdateKnowledgeArticle");
        articles.MapDelete("/{id:int}", async (int id, KnowledgeAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            await admin.DeleteAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteKnowledgeArticle");
        return app;
    }
}
