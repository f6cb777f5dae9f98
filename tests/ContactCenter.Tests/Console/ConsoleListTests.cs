using System.Net;
using System.Text.Json;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Telephony;
using ContactCenter.Infrastructure.Security;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Console;

/// <summary>The list filters and orders the console's appeal list uses, and linking an appeal to the call it came in on.</summary>
public abstract class ConsoleListTests<TApp>(TApp app) where TApp : AppFixture
{
    private static List<string> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("registrationNumber").GetString()!).ToList();

    private async Task<string> RegisterAsync(int executorId, string? privilege = null, string category = "utilities.water")
    {
        var body = Appeals.Valid(category, executorId);
        if (privilege is not null)
            ((Dictionary<string, object?>)body["applicant"]!)["privilegeCategory"] = privilege;
        return (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
    }

    [Fact]
    public async Task PrivilegedFirst_ThenNewest_PagedAcrossBothSlices()
    {
        var executor = await app.CreateExecutorAsync("Список " + Guid.NewGuid().ToString("N")[..4]);
        var plain1 = await RegisterAsync(executor);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var veteran = await RegisterAsync(executor, "combatVeteran");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var plain2 = await RegisterAsync(executor);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var plain3 = await RegisterAsync(executor);

        var search = new AppealSearch(ExecutorId: executor, PageSize: 2, PrivilegedFirst: true);
        var first = await SearchAsync(search);
        var second = await SearchAsync(search with { Page = 2 });
        Assert.Equal([veteran, plain3], first);
        Assert.Equal([plain2, plain1], second);
        Assert.Equal([plain1, veteran], await SearchAsync(search with { PrivilegedFirst = false, Sort = "received" }));
    }

    private async Task<List<string>> SearchAsync(AppealSearch search)
    {
        using var scope = app.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<AppealQueries>().SearchAsync(search, new Actor(null, "test", Roles.Administrator, null), default);
        return page.Items.Select(i => i.RegistrationNumber).ToList();
    }

    [Fact]
    public async Task Filters_District_Repeated_Rework_Sort_OverHttp()
    {
        var executor = await app.CreateExecutorAsync("Фільтри " + Guid.NewGuid().ToString("N")[..4]);
        var first = await RegisterAsync(executor);
        var second = await RegisterAsync(executor);
        var (linked, _) = await app.Admin().PostJsonAsync($"/api/v1/appeals/{second}/link", new { kind = "repeated", registrationNumber = first });
        Assert.True(linked is HttpStatusCode.OK or HttpStatusCode.NoContent, linked.ToString());

        var (status, repeated) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&repeated=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([second], Numbers(repeated));
        var (_, notRepeated) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&repeated=false");
        Assert.Equal([first], Numbers(notRepeated));
        var (_, rework) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&rework=true");
        Assert.Empty(Numbers(rework));
        var (_, oldest) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&sort=number");
        Assert.Equal([first, second], Numbers(oldest));
        var (_, district) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&district=999999");
        Assert.Empty(Numbers(district));
        var (bad, problem) = await app.Admin().GetJsonAsync("/api/v1/appeals?sort=sideways");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task Registration_NamingTheCall_LinksIt_UnknownCallIsAFieldError()
    {
        var pbxId = "pbx-" + Guid.NewGuid().ToString("N")[..8];
        var callRow = await app.WithDbAsync(async db =>
        {
            var call = new Call { CallId = pbxId, Direction = CallDirection.In, Phone = Appeals.NewPhone(), StartedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow() };
            db.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        var body = Appeals.Valid();
        body["callId"] = pbxId;
        var number = (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
        var links = await app.WithDbAsync(db => db.Set<CallAppeal>().Where(l => l.CallId == callRow).Select(l => l.AppealId).ToListAsync());
        var appealId = await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync());
        Assert.Equal([appealId], links);

        var unknown = Appeals.Valid();
        unknown["callId"] = "no-such-call";
        var (status, problem) = await app.Admin().PostJsonAsync("/api/v1/appeals", unknown);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("callId", out _));
    }
}

public sealed class ConsoleListTests_Sqlite(SqliteApp app) : ConsoleListTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ConsoleListTests_Postgres(PostgresApp app) : ConsoleListTests<PostgresApp>(app), IClassFixture<PostgresApp>;
