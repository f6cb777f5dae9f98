using System.Net;
using ContactCenter.Tests.Api.Registration;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// A staff member of an executor linked to a console login (issue 3, F3.3): one each way, the login of the member's own
/// organisation with an executor role, the administrator's only, audited, and shown from both sides.
/// </summary>
public abstract class StaffLoginLinkTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<int> AuditCountAsync(int staffId, string action) =>
        await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "executorStaff" && a.EntityId == staffId.ToString() && a.Action == action));

    private async Task<int> StaffAsync(int executorId, string fullName)
    {
        var reply = await app.Admin().PostReplyAsync($"/api/v1/executors/{executorId}/staff", new { fullName, position = "інженер" });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply.Body.GetProperty("id").GetInt32();
    }

    private async Task<(string Id, string Email)> UserAsync(string role, int? executorId)
    {
        var email = Unique("staff.") + "@rada.test";
        var reply = await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = Unique("Працівник "), roles = new[] { role }, executorId });
        Assert.True(reply.Status == HttpStatusCode.Created, reply.ToString());
        return (reply.Body.GetProperty("user").GetProperty("id").GetString()!, email);
    }

    private async Task<string?> LinkedUserAsync(int staffId) =>
        await app.WithDbAsync(db => db.ExecutorStaff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.UserId).FirstAsync());

    [Fact]
    public async Task Link_LoginOfTheSameOrganisation_ShownBothWays_UnlinkAudited()
    {
        var executor = await app.CreateExecutorAsync(Unique("КП Зеленбуд "));
        var staffId = await StaffAsync(executor, "Гнатюк Марина Олегівна");
        var (userId, email) = await UserAsync("executorStaff", executor);

        var candidates = await app.Admin().GetReplyAsync($"/api/v1/executors/{executor}/staff/login-candidates");
        var candidate = Assert.Single(candidates.Body.EnumerateArray());
        Assert.Equal((userId, true), (candidate.GetProperty("userId").GetString(), candidate.GetProperty("staffMemberId").ValueKind == System.Text.Json.JsonValueKind.Null));

        var linked = await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}/login", new { userId });
        Assert.Equal(HttpStatusCode.OK, linked.Status);
        Assert.Equal((userId, email), (linked.Body.GetProperty("userId").GetString(), linked.Body.GetProperty("login").GetString()));

        // The staff list names the login; the users list names the staff member; the candidates list says who holds it.
        var staff = await app.Admin().GetReplyAsync($"/api/v1/executors/{executor}/staff");
        Assert.Equal(email, Assert.Single(staff.Body.EnumerateArray()).GetProperty("login").GetString());
        var users = await app.Admin().GetReplyAsync($"/api/v1/users?q={Uri.EscapeDataString(email)}");
        var row = Assert.Single(users.Body.GetProperty("items").EnumerateArray());
        Assert.Equal((staffId, "Гнатюк Марина Олегівна"), (row.GetProperty("staffMemberId").GetInt32(), row.GetProperty("staffMemberName").GetString()));
        candidates = await app.Admin().GetReplyAsync($"/api/v1/executors/{executor}/staff/login-candidates");
        Assert.Equal(staffId, Assert.Single(candidates.Body.EnumerateArray()).GetProperty("staffMemberId").GetInt32());
        Assert.Equal(1, await AuditCountAsync(staffId, "linkLogin"));

        // Editing the staff member's details keeps the login.
        var edited = await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}", new { fullName = "Гнатюк Марина Олегівна", position = "майстер", userId });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(userId, await LinkedUserAsync(staffId));

        var unlinked = await app.Admin().DeleteReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}/login");
        Assert.Equal(HttpStatusCode.OK, unlinked.Status);
        Assert.Null(await LinkedUserAsync(staffId));
        Assert.Equal(1, await AuditCountAsync(staffId, "unlinkLogin"));
    }

    [Fact]
    public async Task Link_OtherOrganisationOrRoleOrTakenEitherWay_Refused()
    {
        var executor = await app.CreateExecutorAsync(Unique("КП Водоканал "));
        var unit = await app.CreateExecutorAsync(Unique("Дільниця "), executor);
        var first = await StaffAsync(executor, "Приходько Василь");
        var second = await StaffAsync(executor, "Савченко Микола");
        var (mine, _) = await UserAsync("executorStaff", executor);
        var (another, _) = await UserAsync("executor", executor);
        var (ofUnit, _) = await UserAsync("executorStaff", unit);
        var (operatorBound, _) = await UserAsync("operator", executor);

        // A login of a unit below: it would be assigned work of the parent it does not see.
        var below = await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login", new { userId = ofUnit });
        Assert.Equal(["userId"], below.Problem(HttpStatusCode.BadRequest).ErrorFields());
        var noRole = await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login", new { userId = operatorBound });
        Assert.Equal(["userId"], noRole.Problem(HttpStatusCode.BadRequest).ErrorFields());
        var unknown = await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login", new { userId = Guid.NewGuid().ToString() });
        Assert.Equal(["userId"], unknown.Problem(HttpStatusCode.BadRequest).ErrorFields());
        (await app.Admin().PutReplyAsync($"/api/v1/executors/{unit}/staff/{first}/login", new { userId = mine })).Problem(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login", new { userId = mine })).Status);
        // One login per staff member, one staff member per login — through either door.
        (await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{second}/login", new { userId = mine })).Problem(HttpStatusCode.Conflict);
        (await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login", new { userId = another })).Problem(HttpStatusCode.Conflict);
        (await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{second}", new { fullName = "Савченко Микола", userId = mine })).Problem(HttpStatusCode.Conflict);
        var newMember = await app.Admin().PostReplyAsync($"/api/v1/executors/{executor}/staff", new { fullName = "Новий", userId = ofUnit });
        Assert.Equal(["userId"], newMember.Problem(HttpStatusCode.BadRequest).ErrorFields());
        Assert.Equal((mine, (string?)null), (await LinkedUserAsync(first), await LinkedUserAsync(second)));

        // Only the administrator links.
        var cast = await Cast.Of(app);
        foreach (var role in new[] { "supervisor", "executor", "operator" })
        {
            var client = cast.As(cast.KeyOf(role));
            (await client.PutReplyAsync($"/api/v1/executors/{executor}/staff/{second}/login", new { userId = another })).Problem(HttpStatusCode.Forbidden);
            (await client.DeleteReplyAsync($"/api/v1/executors/{executor}/staff/{first}/login")).Problem(HttpStatusCode.Forbidden);
            (await client.GetReplyAsync($"/api/v1/executors/{executor}/staff/login-candidates")).Problem(HttpStatusCode.Forbidden);
        }
        Assert.Equal((mine, (string?)null), (await LinkedUserAsync(first), await LinkedUserAsync(second)));
    }

    [Fact]
    public async Task CreateLogin_ForAStaffMember_TemporaryPasswordOnce_LinkedWithTheStaffRole()
    {
        var executor = await app.CreateExecutorAsync(Unique("КП Теплоенерго "));
        var staffId = await StaffAsync(executor, "Яковенко Наталія Сергіївна");
        var email = Unique("yakovenko.") + "@rada.test";

        var created = await app.Admin().PostReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}/login", new { email });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.False(string.IsNullOrEmpty(created.Body.GetProperty("temporaryPassword").GetString()));
        var user = created.Body.GetProperty("user");
        Assert.Equal(("Яковенко Наталія Сергіївна", executor, staffId), (user.GetProperty("fullName").GetString(), user.GetProperty("executorId").GetInt32(), user.GetProperty("staffMemberId").GetInt32()));
        Assert.Equal(["executorStaff"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(user.GetProperty("id").GetString(), await LinkedUserAsync(staffId));
        (await app.Admin().PostReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}/login", new { email = Unique("x.") + "@rada.test" })).Problem(HttpStatusCode.Conflict);
        var noEmail = await app.Admin().PostReplyAsync($"/api/v1/executors/{executor}/staff/{await StaffAsync(executor, "Без пошти")}/login", new { email = "" });
        Assert.Equal(["email"], noEmail.Problem(HttpStatusCode.BadRequest).ErrorFields());
    }

    [Fact]
    public async Task UserMovedToAnotherOrganisation_TheLinkEnds()
    {
        var executor = await app.CreateExecutorAsync(Unique("КП Житлосервіс "));
        var other = await app.CreateExecutorAsync(Unique("КП Міськсвітло "));
        var staffId = await StaffAsync(executor, "Литвин Сергій");
        var (userId, _) = await UserAsync("executorStaff", executor);
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PutReplyAsync($"/api/v1/executors/{executor}/staff/{staffId}/login", new { userId })).Status);

        var moved = await app.Admin().PutReplyAsync($"/api/v1/users/{userId}", new { fullName = "Литвин Сергій", roles = new[] { "executorStaff" }, executorId = other });

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Null(await LinkedUserAsync(staffId));
        Assert.Equal(1, await AuditCountAsync(staffId, "unlinkLogin"));
    }
}

public sealed class StaffLoginLinkTests_Sqlite(SqliteApp app) : StaffLoginLinkTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class StaffLoginLinkTests_Postgres(PostgresApp app) : StaffLoginLinkTests<PostgresApp>(app), IClassFixture<PostgresApp>;
