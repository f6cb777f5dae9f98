using System.Net;
using System.Text.Json;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Telephony;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Outages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Telephony;

/// <summary>The application with the CTI webhook configured (no other channel servers).</summary>
public abstract class CtiApp(Db db) : AppFixture(db)
{
    public const string Secret = "test-cti-secret-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Telephony:Secret", Secret);
    }
}

public sealed class SqliteCtiApp() : CtiApp(Db.Sqlite);

public sealed class PostgresCtiApp() : CtiApp(Db.Postgres);

/// <summary>Signed CTI events for tests (the browser tests use it too).</summary>
public static class Cti
{
    public static async Task<HttpStatusCode> PostAsync(HttpClient client, string secret, object evt)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(evt, AppFixture.Json);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cti/events") { Content = content };
        request.Headers.Add(CtiSignature.Header, CtiSignature.Sign(secret, json));
        var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static object Event(string name, string callId, string from, DateTimeOffset at, string? user = null) =>
        new { @event = name, callId, direction = "in", from, to = "1545", user, queue = "main", at };

    public static string NewCallId() => "pbx-" + Guid.NewGuid().ToString("N")[..12];
}

/// <summary>Screen pop (F2.1): the answering operator is found by extension or login, gets the pop, and sees the caller.</summary>
public abstract class CallPopTests<TApp>(TApp app) where TApp : CtiApp
{
    protected TApp App => app;

    private DateTimeOffset Now => app.Time.GetUtcNow();

    private async Task<AppUser> UserAsync(string? extension = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"op-{Guid.NewGuid():N}"[..16] + "@test.local";
        var user = new AppUser { UserName = email, Email = email, FullName = "Оператор " + email[..8] };
        Assert.True((await users.CreateAsync(user, "Console-test-2026")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Operator);
        if (extension is not null)
        {
            var reply = await app.Admin().PutReplyAsync($"/api/v1/telephony/operators/{email}/extension", new { extension });
            Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        }
        return user;
    }

    private static async Task<CallPop> NextAsync(CallPopBus.Subscription subscription)
    {
        // Delivery is synchronous within the webhook request: the pop is already queued when the POST returns.
        Assert.True(subscription.Reader.TryRead(out var pop), "no pop was delivered");
        return await Task.FromResult(pop);
    }

    [Fact]
    public async Task Answer_ByExtensionOrLogin_PopsThatOperator_UnknownUserOrOutbound_PopsNobody()
    {
        var byExtension = await UserAsync(extension: "7" + Random.Shared.Next(100, 999));
        var byLogin = await UserAsync();
        var extension = await app.WithDbAsync(db => db.Users.Where(u => u.Id == byExtension.Id).Select(u => u.Extension).SingleAsync());
        var bus = app.Services.GetRequiredService<CallPopBus>();
        using var subscription = bus.Subscribe();
        var client = app.Client(null);

        var first = Cti.NewCallId();
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("newCall", first, "050 123 45 67", Now)));
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("answer", first, "050 123 45 67", Now, user: "nobody-" + first)));
        Assert.False(subscription.Reader.TryRead(out _), "a user who is no console user is popped");
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("answer", first, "050 123 45 67", Now, user: extension)));
        var pop = await NextAsync(subscription);
        Assert.Equal(byExtension.Id, pop.UserId);
        Assert.Equal(first, pop.PbxCallId);
        Assert.Equal("+380501234567", pop.Phone);

        var second = Cti.NewCallId();
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("answer", second, "+380 67 000 11 22", Now, user: byLogin.UserName!.ToUpperInvariant())));
        Assert.Equal(byLogin.Id, (await NextAsync(subscription)).UserId);

        var outbound = Cti.NewCallId();
        var evt = new { @event = "answer", callId = outbound, direction = "out", from = extension, to = "0501234567", user = extension, at = Now };
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, evt));
        Assert.False(subscription.Reader.TryRead(out _), "an outbound call popped");
    }

    [Fact]
    public async Task CallerView_KnownCaller_AppealsAndOutages_UnknownCaller_RegisterLink_AppealLinkedToCall()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        await kit.CreateAsync(kit.Operator, OutageTestKit.Body(OutageTestKit.Range(street, 1, 20), executorId: kit.ExecutorId));
        var phone = Appeals.NewPhone();
        var body = Appeals.Valid(phone: phone);
        var first = (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
        var call = Cti.NewCallId();
        var national = "0" + phone[4..];
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(app.Client(null), CtiApp.Secret, Cti.Event("newCall", call, national, Now)));
        var callId = await app.WithDbAsync(db => db.Set<Call>().Where(c => c.CallId == call).Select(c => c.Id).SingleAsync());

        var operatorKey = await app.CreateKeyAsync(Roles.Operator);
        var (status, view) = await app.Client(operatorKey).GetJsonAsync($"/api/v1/telephony/calls/{callId}/caller");
        Assert.True(status == HttpStatusCode.OK, view.ToString());
        Assert.True(view.GetProperty("known").GetBoolean());
        Assert.Equal(phone, view.GetProperty("phone").GetString());
        Assert.Equal("Коваленко Олена Петрівна", view.GetProperty("fullName").GetString());
        Assert.Equal("вул. Соборна, 5, кв. 12", view.GetProperty("address").GetString());
        Assert.Contains(view.GetProperty("openAppeals").EnumerateArray(), a => a.GetProperty("registrationNumber").GetString() == first);
        Assert.Equal("water", Assert.Single(view.GetProperty("outages").EnumerateArray()).GetProperty("type").GetString());
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "caller").Select(a => a.EntityId).ToListAsync()), id => id == phone);

        var unknown = Cti.NewCallId();
        var stranger = Appeals.NewPhone();
        Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(app.Client(null), CtiApp.Secret, Cti.Event("newCall", unknown, stranger, Now)));
        var unknownId = await app.WithDbAsync(db => db.Set<Call>().Where(c => c.CallId == unknown).Select(c => c.Id).SingleAsync());
        var (_, empty) = await app.Client(operatorKey).GetJsonAsync($"/api/v1/telephony/calls/{unknownId}/caller");
        Assert.False(empty.GetProperty("known").GetBoolean());
        Assert.Empty(empty.GetProperty("openAppeals").EnumerateArray());
        Assert.Equal($"/console/register?phone={Uri.EscapeDataString(stranger)}&callId={unknownId}", empty.GetProperty("registerHref").GetString());

        // The registration screen links the appeal it registers during the call; twice is once.
        var registered = (await app.Admin().RegisterAsync(Appeals.Valid(phone: stranger))).GetProperty("registrationNumber").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var pops = scope.ServiceProvider.GetRequiredService<CallPops>();
            var actor = new ContactCenter.Infrastructure.Security.Actor(null, "Оператор", Roles.Operator, null);
            await pops.LinkAsync(unknownId, registered, actor, CancellationToken.None);
            await pops.LinkAsync(unknownId, registered, actor, CancellationToken.None);
        }
        var (_, calls) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{registered}/calls");
        Assert.Equal(unknown, Assert.Single(calls.EnumerateArray()).GetProperty("callId").GetString());

        var (forbidden, _) = await app.Client(await app.CreateKeyAsync(Roles.Leadership)).GetJsonAsync($"/api/v1/telephony/calls/{callId}/caller");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    [Fact]
    public async Task Extension_OnlyAdministrator_UniquePerUser()
    {
        var a = await UserAsync(extension: "5" + Random.Shared.Next(100, 999));
        var ext = await app.WithDbAsync(db => db.Users.Where(u => u.Id == a.Id).Select(u => u.Extension).SingleAsync());
        var b = await UserAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin().PutReplyAsync($"/api/v1/telephony/operators/{b.UserName}/extension", new { extension = ext })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(await app.CreateKeyAsync(Roles.Operator)).PutReplyAsync($"/api/v1/telephony/operators/{b.UserName}/extension", new { extension = "999" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PutReplyAsync($"/api/v1/telephony/operators/{b.UserName}/extension", new { extension = ext + "0" })).Status);
    }
}

public sealed class CallPopTests_Sqlite(SqliteCtiApp app) : CallPopTests<SqliteCtiApp>(app), IClassFixture<SqliteCtiApp>;

public sealed class CallPopTests_Postgres(PostgresCtiApp app) : CallPopTests<PostgresCtiApp>(app), IClassFixture<PostgresCtiApp>
{
    [Fact]
    public async Task TwoInstances_AnswerReportedToOne_PopsTheOperatorsConsoleOnTheOther()
    {
        await using var second = new SecondInstance(App);
        using var subscription = second.Services.GetRequiredService<CallPopBus>().Subscribe();
        string email;
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            email = $"op2-{Guid.NewGuid():N}"[..16] + "@test.local";
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, FullName = "Оператор 2" }, "Console-test-2026")).Succeeded);
        }
        var userId = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());
        var call = Cti.NewCallId();
        CallPop? pop = null;
        // The other instance starts listening a moment after it starts: repeat the (idempotent) answer until it hears one.
        for (var attempt = 0; attempt < 60 && pop is null; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await Cti.PostAsync(App.Client(null), CtiApp.Secret, Cti.Event("answer", call, "0501234567", App.Time.GetUtcNow(), user: email)));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                pop = await subscription.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // not yet
            }
        }
        Assert.NotNull(pop);
        Assert.Equal(userId, pop.UserId);
        Assert.Equal(call, pop.PbxCallId);
    }
}
