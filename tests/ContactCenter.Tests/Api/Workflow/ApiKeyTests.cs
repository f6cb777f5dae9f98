using System.Net;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>API keys (API.md "Authentication"): the bootstrap administrator key, keys shown once, revocation.</summary>
public abstract class ApiKeyTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Create_WithBootstrapAdminKey_201AndKeyWorksForItsRole()
    {
        var key = await app.IssueKeyAsync("operator", by: app.Client(AppFixture.AdminKey));

        Assert.StartsWith("cc_", key.Key);
        Assert.Equal("operator", key.Role);
        var registered = await app.Client(key.Key).PostReplyAsync("/api/v1/appeals", Appeals.Valid());
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        // The operator key is not an administrator key.
        (await app.Client(key.Key).PostReplyAsync("/api/v1/api-keys", new { name = "x", role = "administrator" })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_AfterCreate_NeverShowsTheKeyText()
    {
        var key = await app.IssueKeyAsync("integration");

        var reply = await app.Admin().GetReplyAsync("/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var raw = reply.Body.GetRawText();
        Assert.DoesNotContain(key.Key, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFixture.AdminKey, raw, StringComparison.Ordinal);
        var listed = Assert.Single(reply.Body.EnumerateArray(), k => k.GetProperty("id").GetInt32() == key.Id);
        Assert.Equal(key.Name, listed.GetProperty("name").GetString());
        Assert.Equal("integration", listed.GetProperty("role").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.False(listed.TryGetProperty("hash", out _));
        Assert.Contains(reply.Body.EnumerateArray(), k => k.GetProperty("name").GetString() == "bootstrap-admin"
            && k.GetProperty("role").GetString() == "administrator");
    }

    // The handler caches a validated key for 30 s of real time (IMemoryCache, not the fake clock), so a key that was
    // used just before revocation may keep working that long. A key never used before its revocation is not in the
    // cache, so the revocation shows at once; that is what this test checks.
    [Fact]
    public async Task Revoke_KeyNeverUsedBefore_401AtOnce()
    {
        var key = await app.IssueKeyAsync("supervisor");

        var revoked = await app.Admin().DeleteReplyAsync($"/api/v1/api-keys/{key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(key.Key).GetReplyAsync("/api/v1/appeals")).Status);
        var listed = Assert.Single((await app.Admin().GetReplyAsync("/api/v1/api-keys")).Body.EnumerateArray(),
            k => k.GetProperty("id").GetInt32() == key.Id);
        Assert.Equal("2026-11-24T08:00:00+00:00", listed.GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task Create_ExecutorKeyWithoutOrganisation_400ExecutorId()
    {
        var reply = await app.Admin().PostReplyAsync("/api/v1/api-keys", new { name = "no-org", role = "executor" });

        Assert.Equal(["executorId"], reply.Problem(HttpStatusCode.BadRequest).ErrorFields());
    }
}

public sealed class ApiKeyTests_Sqlite(SqliteApp app) : ApiKeyTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyTests_Postgres(PostgresApp app) : ApiKeyTests<PostgresApp>(app), IClassFixture<PostgresApp>;
