using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.ReferenceData;

public abstract class AuditLogTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task AuditLog_UpdateOrDeleteInDatabase_Refused()
    {
        await app.Admin().RegisterAsync(Appeals.Valid());
        var id = await app.WithDbAsync(db => db.AuditLog.MaxAsync(a => a.Id));

        var update = await Record(() => app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_log SET actor_name = {"x"} WHERE id = {id}")));
        var delete = await Record(() => app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM audit_log WHERE id = {id}")));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Id == id && a.ActorName != "x")));
    }

    [Fact]
    public async Task AuditApi_AdministratorReadsEntries_OthersForbidden()
    {
        var appeal = await app.Admin().RegisterAsync(Appeals.Valid());
        var number = appeal.GetProperty("registrationNumber").GetString();
        await app.Admin().GetAsync($"/api/v1/appeals/{number}");

        var (status, entries) = await app.Admin().GetJsonAsync($"/api/v1/audit?entityType=appeal&entityId={number}");
        Assert.Equal(HttpStatusCode.OK, status);
        var actions = entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["read", "create"], actions);

        var operatorKey = await app.CreateKeyAsync("operator");
        var (forbidden, _) = await app.Client(operatorKey).GetJsonAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}

public sealed class AuditLogTests_Sqlite(SqliteApp app) : AuditLogTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuditLogTests_Postgres(PostgresApp app) : AuditLogTests<PostgresApp>(app), IClassFixture<PostgresApp>;
