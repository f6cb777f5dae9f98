using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>
/// F12.1: every view of an applicant's personal data and every change is recorded — who, when, what.
/// The log is append-only: the API has no endpoint that reads or changes it, so the rows are checked in the database.
/// </summary>
public abstract class AuditTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Get_OneAppeal_ReadRowWithKeyAsActor()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        var reader = await app.IssueKeyAsync("leadership");

        var reply = await cast.As(reader).GetReplyAsync($"/api/v1/appeals/{number}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var rows = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.ActorName == reader.ActorName).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("read", row.Action);
        Assert.Equal("appeal", row.EntityType);
        Assert.Equal(number, row.EntityId);
        Assert.Equal($"apikey:{reader.Id}", row.ActorUserId);
        Assert.Equal(app.Time.GetUtcNow(), row.At);
    }

    [Fact]
    public async Task Accept_Transition_UpdateRowWithTrigger()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        var executor = await app.IssueKeyAsync("executor", cast.ExecutorId);

        await cast.OkAsync(executor, number, "accept", null, "inProgress");

        var rows = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.ActorName == executor.ActorName).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("update", row.Action);
        Assert.Equal("appeal", row.EntityType);
        Assert.Equal(number, row.EntityId);
        Assert.Equal("Accept", row.Details);
        Assert.Equal($"apikey:{executor.Id}", row.ActorUserId);
    }

    [Fact]
    public async Task Register_ByOperator_CreateRowForTheNewCard()
    {
        var cast = await Cast.Of(app);
        var op = await app.IssueKeyAsync("operator");

        var number = Cast.Number(await cast.As(op).RegisterAsync(Appeals.Valid()));

        var rows = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.ActorName == op.ActorName && e.EntityId == number).ToListAsync());
        Assert.Contains(rows, r => r.Action == "create" && r.EntityType == "appeal");
    }

    // The log is read by administrators (GET /api/v1/audit, see AuditLogTests); nothing may change it.
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task AuditLog_ChangingMethod_NoEndpoint(string method)
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        var id = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.EntityId == number).Select(e => e.Id).FirstAsync());
        using var client = app.Admin();

        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit-log", $"/api/v1/audit/{id}", $"/api/v1/audit-log/{id}" })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{method} {path}: {(int)response.StatusCode}");
        }
    }
}

public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests<PostgresApp>(app), IClassFixture<PostgresApp>;
