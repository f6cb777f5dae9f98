using System.Net;

namespace ContactCenter.Tests;

public abstract class SmokeTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Health_DatabaseAnswers_200()
    {
        var response = await app.Client(null).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Register_ValidPhoneAppeal_201WithNumberAndDeadline()
    {
        var body = await app.Admin().RegisterAsync(Appeals.Valid());
        Assert.Matches(@"^\d{2}-\d{5}$", body.GetProperty("registrationNumber").GetString());
        Assert.Equal("registered", body.GetProperty("status").GetString());
        // Received Tuesday 2026-11-24 10:00 Kyiv, simple track: 5 working days → Tuesday 1 December, 17:00.
        Assert.Equal("2026-12-01T17:00:00+02:00", body.GetProperty("dueAt").GetString());
    }
}

public sealed class SmokeTests_Sqlite(SqliteApp app) : SmokeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SmokeTests_Postgres(PostgresApp app) : SmokeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
