using System.Net;
using System.Text.Json;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// Administration (issue 3, F11) through the API the console shares: users, executors and staff, categories, review
/// tracks, knowledge-base articles, API keys — each refused to anyone but an administrator, each change audited.
/// </summary>
public abstract class AdminApiTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<int> AuditCountAsync(string entityType, string? entityId, string action) =>
        await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == entityType && a.EntityId == entityId && a.Action == action));

    [Fact]
    public async Task Users_CreateWithTemporaryPassword_ThePasswordSignsInAndTheListFindsThem()
    {
        var email = Unique("olena.") + "@rada.test";
        var created = await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = "Олена Петрівна Ткачук", roles = new[] { "operator" }, mustEnrolTwoFactor = false });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var password = created.Body.GetProperty("temporaryPassword").GetString()!;
        Assert.True(password.Length >= 10);
        var id = created.Body.GetProperty("user").GetProperty("id").GetString()!;
        Assert.True(await PasswordWorksAsync(email, password));
        Assert.Equal(1, await AuditCountAsync("user", id, "create"));

        // Search is by any part of the name, in any case, or of the e-mail; one page at a time.
        foreach (var q in new[] { "ткачук", "Олена Ткачук", email[..10].ToUpperInvariant() })
        {
            var page = await app.Admin().GetReplyAsync($"/api/v1/users?q={Uri.EscapeDataString(q)}&pageSize=5");
            Assert.Contains(page.Body.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == id);
        }
        var byRole = await app.Admin().GetReplyAsync("/api/v1/users?role=executor&pageSize=200");
        Assert.DoesNotContain(byRole.Body.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Users_EditRolesAndExecutor_LockUnlockReset2faSignOut_AllAudited()
    {
        var executor = await app.CreateExecutorAsync(Unique("КП Водоканал "));
        var email = Unique("exec.") + "@rada.test";
        var created = await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = "Іван Виконавець", roles = new[] { "operator" } });
        var id = created.Body.GetProperty("user").GetProperty("id").GetString()!;
        var stamp = await StampAsync(id);

        // An executor role needs the organisation.
        var missing = await app.Admin().PutReplyAsync($"/api/v1/users/{id}", new { fullName = "Іван Виконавець", roles = new[] { "executor" } });
        Assert.Equal(["executorId"], missing.Problem(HttpStatusCode.BadRequest).ErrorFields());

        var updated = await app.Admin().PutReplyAsync($"/api/v1/users/{id}", new { fullName = "Іван Петренко", roles = new[] { "executor" }, executorId = executor });
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(["executor"], updated.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(executor, updated.Body.GetProperty("executorId").GetInt32());
        Assert.NotEqual(stamp, stamp = await StampAsync(id));

        var locked = await app.Admin().PostReplyAsync($"/api/v1/users/{id}/lock", null);
        Assert.True(locked.Body.GetProperty("isLocked").GetBoolean());
        Assert.NotEqual(stamp, stamp = await StampAsync(id));
        var unlocked = await app.Admin().PostReplyAsync($"/api/v1/users/{id}/unlock", null);
        Assert.False(unlocked.Body.GetProperty("isLocked").GetBoolean());

        var reset = await app.Admin().PostReplyAsync($"/api/v1/users/{id}/reset-two-factor", null);
        Assert.False(reset.Body.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.True(reset.Body.GetProperty("mustEnrolTwoFactor").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().PostReplyAsync($"/api/v1/users/{id}/sign-out-everywhere", null)).Status);
        Assert.NotEqual(stamp, await StampAsync(id));

        foreach (var action in new[] { "create", "update", "lock", "unlock", "resetTwoFactor", "signOutEverywhere" })
            Assert.Equal(1, await AuditCountAsync("user", id, action));
    }

    [Fact]
    public async Task Users_DuplicateEmailAndUnknownRole_400WithEveryField()
    {
        var email = Unique("dup.") + "@rada.test";
        await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = "Перша", roles = new[] { "operator" } });

        var reply = await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = "", roles = new[] { "superuser" } });

        Assert.Equal(["email", "fullName", "roles"], reply.Problem(HttpStatusCode.BadRequest).ErrorFields());
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Leadership)]
    public async Task EveryAdministrationOperation_NotAdministrator_403(string role)
    {
        var client = app.Client(await app.CreateKeyAsync(role));
        var executor = await app.CreateExecutorAsync(Unique("Відділ "));
        var user = (await app.Admin().PostReplyAsync("/api/v1/users", new { email = Unique("u.") + "@rada.test", fullName = "Хтось", roles = new[] { "operator" } }))
            .Body.GetProperty("user").GetProperty("id").GetString();
        var article = (await app.Admin().PostReplyAsync("/api/v1/knowledge-articles", new { title = "Внутрішня", body = "текст", isPublic = false })).Body.GetProperty("id").GetInt32();

        var replies = new List<(string, Reply)>
        {
            ("list users", await client.GetReplyAsync("/api/v1/users")),
            ("create user", await client.PostReplyAsync("/api/v1/users", new { email = Unique("x.") + "@rada.test", fullName = "X", roles = new[] { "administrator" } })),
            ("edit user", await client.PutReplyAsync($"/api/v1/users/{user}", new { fullName = "X", roles = new[] { "administrator" } })),
            ("lock user", await client.PostReplyAsync($"/api/v1/users/{user}/lock", null)),
            ("reset 2fa", await client.PostReplyAsync($"/api/v1/users/{user}/reset-two-factor", null)),
            ("sign out", await client.PostReplyAsync($"/api/v1/users/{user}/sign-out-everywhere", null)),
            ("create executor", await client.PostReplyAsync("/api/v1/executors", new { name = "X" })),
            ("edit executor", await client.PutReplyAsync($"/api/v1/executors/{executor}", new { name = "X" })),
            ("deactivate executor", await client.PutReplyAsync($"/api/v1/executors/{executor}/active", new { active = false })),
            ("list staff", await client.GetReplyAsync($"/api/v1/executors/{executor}/staff")),
            ("add staff", await client.PostReplyAsync($"/api/v1/executors/{executor}/staff", new { fullName = "X" })),
            ("edit category", await client.PutReplyAsync("/api/v1/categories/utilities.water", new { name = "X" })),
            ("move category", await client.PostReplyAsync("/api/v1/categories/utilities.water/move", new { parentCode = (string?)null })),
            ("delete category", await client.DeleteReplyAsync("/api/v1/categories/utilities.water")),
            ("edit track", await client.PutReplyAsync("/api/v1/review-tracks/simple", new { name = "X", term = 3, unit = "workingDays" })),
            ("list articles", await client.GetReplyAsync("/api/v1/knowledge-articles")),
            ("create article", await client.PostReplyAsync("/api/v1/knowledge-articles", new { title = "X", body = "Y", isPublic = true })),
            ("publish article", await client.PutReplyAsync($"/api/v1/knowledge-articles/{article}", new { title = "X", body = "Y", isPublic = true })),
            ("delete article", await client.DeleteReplyAsync($"/api/v1/knowledge-articles/{article}")),
            ("list keys", await client.GetReplyAsync("/api/v1/api-keys")),
            ("create key", await client.PostReplyAsync("/api/v1/api-keys", new { name = "X", role = "administrator" })),
        };

        foreach (var (what, reply) in replies)
            Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{what}: {reply}");
        // Nothing changed.
        Assert.True(await app.WithDbAsync(db => db.KnowledgeArticles.AnyAsync(a => a.Id == article && !a.IsPublic)));
        Assert.True(await app.WithDbAsync(db => db.Executors.AnyAsync(e => e.Id == executor && e.IsActive)));
    }

    [Fact]
    public async Task Executors_EditHierarchyCompetencesAndStaff_TheTreeStaysATree()
    {
        var parent = await app.CreateExecutorAsync(Unique("Департамент ЖКГ "));
        var child = await app.CreateExecutorAsync(Unique("КП Світло "), parent);

        var edited = await app.Admin().PutReplyAsync($"/api/v1/executors/{child}", new
        {
            name = "КП «Міськсвітло»",
            shortName = "Міськсвітло",
            kind = "utilityCompany",
            parentId = parent,
            responsiblePerson = "Ковальчук Петро",
            phone = "0441234567",
            workingHours = "Пн–Пт 8–17",
            competences = new[] { "improvement.lighting" },
        });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("utilityCompany", edited.Body.GetProperty("kind").GetString());
        Assert.Equal(["improvement.lighting"], edited.Body.GetProperty("competences").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(1, await AuditCountAsync("executor", child.ToString(System.Globalization.CultureInfo.InvariantCulture), "update"));

        // The parent cannot go under its own unit.
        var cycle = await app.Admin().PutReplyAsync($"/api/v1/executors/{parent}", new { name = "Департамент", parentId = child });
        Assert.Equal(["parentId"], cycle.Problem(HttpStatusCode.BadRequest).ErrorFields());

        var staff = await app.Admin().PostReplyAsync($"/api/v1/executors/{child}/staff", new { fullName = "Бондар Олег", position = "електрик", isResponsible = true });
        Assert.Equal(HttpStatusCode.Created, staff.Status);
        var listed = await app.Admin().GetReplyAsync($"/api/v1/executors/{child}/staff");
        Assert.Equal("Бондар Олег", Assert.Single(listed.Body.EnumerateArray()).GetProperty("fullName").GetString());
        var staffId = staff.Body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteReplyAsync($"/api/v1/executors/{child}/staff/{staffId}")).Status);
        Assert.Empty((await app.Admin().GetReplyAsync($"/api/v1/executors/{child}/staff")).Body.EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().PutReplyAsync($"/api/v1/executors/{child}/active", new { active = false })).Status);
        Assert.False((await app.Admin().GetReplyAsync($"/api/v1/executors/{child}")).Body.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Categories_CreateMoveDeactivate_UsedOnesAreNeverDeleted()
    {
        var code = Unique("test.cat");
        var created = await app.Admin().PutReplyAsync($"/api/v1/categories/{code}", new
        {
            name = "Тестова категорія",
            parentCode = "utilities",
            reviewTrack = "urgent",
            earlyWarningHours = 4,
            addressRequired = true,
            open311ServiceCode = code,
        });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("urgent", created.Body.GetProperty("reviewTrack").GetString());

        var moved = await app.Admin().PostReplyAsync($"/api/v1/categories/{code}/move", new { parentCode = "improvement" });
        Assert.Equal("improvement", moved.Body.GetProperty("parentCode").GetString());
        Assert.Equal("urgent", moved.Body.GetProperty("reviewTrack").GetString());
        Assert.True(moved.Body.GetProperty("addressRequired").GetBoolean());

        // A parent cannot move under its own child; an Open311 code belongs to one category.
        var cycle = await app.Admin().PostReplyAsync("/api/v1/categories/improvement/move", new { parentCode = code });
        Assert.Equal(["parentCode"], cycle.Problem(HttpStatusCode.BadRequest).ErrorFields());
        var taken = await app.Admin().PutReplyAsync("/api/v1/categories/utilities.water", new { name = "Водопостачання", parentCode = "utilities", open311ServiceCode = code });
        Assert.Equal(["open311ServiceCode"], taken.Problem(HttpStatusCode.BadRequest).ErrorFields());

        // Used by an appeal: 409, deactivate instead. Unused: deleted.
        await app.Admin().RegisterAsync(Appeals.Valid("utilities.water"));
        (await app.Admin().DeleteReplyAsync("/api/v1/categories/utilities.water")).Problem(HttpStatusCode.Conflict);
        Assert.True(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.Code == "utilities.water")));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteReplyAsync($"/api/v1/categories/{code}")).Status);
        Assert.Equal(1, await AuditCountAsync("category", code, "delete"));
    }

    [Fact]
    public async Task ReviewTracks_TermBeyondArticle20_400_ElseSaved()
    {
        var tooLong = await app.Admin().PutReplyAsync("/api/v1/review-tracks/admin-test", new { name = "Довгий", term = 25, unit = "workingDays" });
        Assert.Equal(["term"], tooLong.Problem(HttpStatusCode.BadRequest).ErrorFields());

        var saved = await app.Admin().PutReplyAsync("/api/v1/review-tracks/admin-test", new { name = "Десять днів", term = 10, unit = "calendarDays" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var tracks = await app.Admin().GetReplyAsync("/api/v1/review-tracks");
        Assert.Contains(tracks.Body.EnumerateArray(), t => t.GetProperty("code").GetString() == "admin-test" && t.GetProperty("term").GetInt32() == 10);
    }

    [Fact]
    public async Task Knowledge_MarkdownIsSanitised_PublishShowsItOnThePortalFaq()
    {
        var title = Unique("Графік прийому ");
        const string body = "**Щопонеділка** з 9:00.\n\n- перший пункт\n\n<script>alert(1)</script>\n\n[клік](javascript:alert(2)) і [сайт](https://rada.example)";
        var created = await app.Admin().PostReplyAsync("/api/v1/knowledge-articles", new { title, body, categoryCode = "social.benefits", isPublic = false });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var html = created.Body.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>Щопонеділка</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>перший пункт</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://rada.example\"", html, StringComparison.Ordinal);

        // Internal: not on the portal. Published: on it, rendered, still without script.
        var id = created.Body.GetProperty("id").GetInt32();
        Assert.DoesNotContain(title, await FaqAsync(), StringComparison.Ordinal);
        var published = await app.Admin().PutReplyAsync($"/api/v1/knowledge-articles/{id}", new { title, body, categoryCode = "social.benefits", isPublic = true });
        Assert.Equal(HttpStatusCode.OK, published.Status);
        var faq = await FaqAsync();
        Assert.Contains(title, faq, StringComparison.Ordinal);
        Assert.Contains("<strong>Щопонеділка</strong>", faq, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", faq, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("knowledgeArticle", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "publish"));

        // The administrator's list searches the words, not the markup.
        var found = await app.Admin().GetReplyAsync("/api/v1/knowledge-articles?q=" + Uri.EscapeDataString("щопонеділка") + "&isPublic=true");
        Assert.Contains(found.Body.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task ApiKeys_UsedOnce_LastUsedShown_RevokedStopsAtOnce()
    {
        var key = await app.IssueKeyAsync(Roles.Integration);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(key.Key).GetReplyAsync("/api/v1/categories")).Status);

        var listed = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().FirstAsync(k => k.Id == key.Id));
        Assert.Equal(app.Time.GetUtcNow(), listed.LastUsedAt);
        Assert.Equal(1, await AuditCountAsync("apiKey", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "create"));

        // Used a moment ago (so cached), revoked: refused at once on this instance.
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteReplyAsync($"/api/v1/api-keys/{key.Id}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(key.Key).GetReplyAsync("/api/v1/categories")).Status);
    }

    private async Task<string> FaqAsync() => await (await app.Client(null).GetAsync("/faq")).Content.ReadAsStringAsync();

    private async Task<string?> StampAsync(string id) =>
        await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstAsync());

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }
}

public sealed class AdminApiTests_Sqlite(SqliteApp app) : AdminApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AdminApiTests_Postgres(PostgresApp app) : AdminApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
