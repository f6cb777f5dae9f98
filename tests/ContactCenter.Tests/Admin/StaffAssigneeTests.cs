using System.Net;
using ContactCenter.Tests.Api.Registration;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// The concrete assignee of a question (F3.3) is a staff member of the executor working it, linked to a login: an
/// executor cannot name a login of another organisation or one that is no staff member's.
/// </summary>
public abstract class StaffAssigneeTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> LoginAsync(int executorId)
    {
        var reply = await app.Admin().PostReplyAsync("/api/v1/users", new { email = Unique("worker.") + "@rada.test", fullName = Unique("Працівник "), roles = new[] { "executorStaff" }, executorId });
        Assert.True(reply.Status == HttpStatusCode.Created, reply.ToString());
        return reply.Body.GetProperty("user").GetProperty("id").GetString()!;
    }

    private async Task<string> LinkedStaffAsync(int executorId)
    {
        var staff = await app.Admin().PostReplyAsync($"/api/v1/executors/{executorId}/staff", new { fullName = Unique("Майстер "), position = "майстер" });
        Assert.Equal(HttpStatusCode.Created, staff.Status);
        var userId = await LoginAsync(executorId);
        var linked = await app.Admin().PutReplyAsync($"/api/v1/executors/{executorId}/staff/{staff.Body.GetProperty("id").GetInt32()}/login", new { userId });
        Assert.Equal(HttpStatusCode.OK, linked.Status);
        return userId;
    }

    private async Task<string?> AssigneeAsync(string number) =>
        await app.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => q.Appeal.RegistrationNumber == number).Select(q => q.AssigneeUserId).FirstAsync());

    [Fact]
    public async Task Assign_OnlyALinkedStaffMemberOfTheExecutor()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var executor = cast.As(cast.Executor);

        // A login of the organisation that is nobody's staff member, and a linked staff member of another organisation.
        var unlinked = await LoginAsync(cast.ExecutorId);
        var foreign = await LinkedStaffAsync(cast.OtherExecutorId);
        foreach (var userId in new[] { unlinked, foreign, "no-such-user" })
        {
            var refused = await executor.PostReplyAsync($"/api/v1/appeals/{number}/assign", new { assigneeUserId = userId });
            Assert.True(refused.Status == HttpStatusCode.BadRequest, refused.ToString());
            Assert.True(refused.Body.GetProperty("errors").TryGetProperty("assigneeUserId", out _), refused.ToString());
        }
        Assert.Null(await AssigneeAsync(number));

        var mine = await LinkedStaffAsync(cast.ExecutorId);
        var assigned = await executor.PostReplyAsync($"/api/v1/appeals/{number}/assign", new { assigneeUserId = mine });
        Assert.True(assigned.Status == HttpStatusCode.OK, assigned.ToString());
        Assert.Equal(mine, await AssigneeAsync(number));
    }
}

public sealed class StaffAssigneeTests_Sqlite(SqliteApp app) : StaffAssigneeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class StaffAssigneeTests_Postgres(PostgresApp app) : StaffAssigneeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
