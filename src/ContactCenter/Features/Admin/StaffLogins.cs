using System.Globalization;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Admin;

/// <summary>A login that may be linked to a staff member of an executor, and the member it is linked to now (if any).</summary>
public sealed record StaffLoginCandidate(string UserId, string Email, string FullName, int? StaffMemberId, string? StaffMemberName);

public sealed record StaffLoginInput(string? UserId);

public sealed record NewStaffLoginInput(string? Email);

/// <summary>
/// The link between a staff member of an executor («конкретний виконавець») and a console login (F3.3): the executor's
/// inbox assigns a question to a staff member through it (<c>Question.AssigneeUserId</c> is the login). Rules: the
/// administrator's only; one login per staff member and one staff member per login; the login belongs to the member's
/// own executor organisation — not a unit above or below, because a login sees its organisation and the units below it,
/// and the executor that assigns lists only its own staff: a login of another unit would be assigned work it cannot see
/// (or see work meant for someone else); it has an executor role. Audited. One place for the API
/// (<c>/api/v1/executors/{id}/staff/{staffId}/login</c>) and the console.
/// </summary>
public sealed class StaffLogins(AppDbContext db, UserAdmin users, AuditLog audit)
{
    /// <summary>Logins with an executor role of this very organisation, with the staff member each is linked to.</summary>
    public async Task<IReadOnlyList<StaffLoginCandidate>> CandidatesAsync(int executorId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Executor || r.Name == Roles.ExecutorStaff).Select(r => r.Id).ToListAsync(ct);
        return await (from u in db.Users.AsNoTracking()
                      where u.ExecutorId == executorId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                      join s in db.ExecutorStaff on u.Id equals s.UserId into linked
                      from s in linked.DefaultIfEmpty()
                      orderby u.FullName, u.Email
                      select new StaffLoginCandidate(u.Id, u.Email ?? u.UserName ?? "", u.FullName, s == null ? null : s.Id, s == null ? null : s.FullName))
            .ToListAsync(ct);
    }

    public async Task<StaffMemberView> LinkAsync(int executorId, int staffId, string? userId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var member = await MemberAsync(executorId, staffId, ct);
        if (string.IsNullOrWhiteSpace(userId))
            throw AppValidationException.For("userId", Text.Get("field.required"));
        if (member.UserId == userId)
            return await ViewAsync(member, ct);
        await EnsureLinkableAsync(db, member, userId, ct);
        member.UserId = userId;
        audit.Add(actor, "linkLogin", "executorStaff", Id(member.Id), $"executor {executorId}; {member.FullName}; user {userId}");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(member, ct);
    }

    public async Task<StaffMemberView> UnlinkAsync(int executorId, int staffId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var member = await MemberAsync(executorId, staffId, ct);
        if (member.UserId is { } old)
        {
            member.UserId = null;
            audit.Add(actor, "unlinkLogin", "executorStaff", Id(member.Id), $"executor {executorId}; {member.FullName}; user {old}");
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(member, ct);
    }

    /// <summary>
    /// A new login for a staff member who has none: role «працівник виконавця» of the member's organisation, the member's
    /// name, a temporary password returned once (through <see cref="UserAdmin.CreateAsync"/>, so its rules apply), then linked.
    /// </summary>
    public async Task<CreatedUser> CreateLoginAsync(int executorId, int staffId, NewStaffLoginInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var member = await MemberAsync(executorId, staffId, ct);
        if (member.UserId is not null)
            throw new ConflictException(Text.Get("admin.staff.alreadyLinked", member.FullName));
        var created = await users.CreateAsync(new UserInput(input.Email, member.FullName, [Roles.ExecutorStaff], executorId, null), actor, ct);
        await LinkAsync(executorId, staffId, created.User.Id, actor, ct);
        return created with { User = created.User with { StaffMemberId = member.Id, StaffMemberName = member.FullName } };
    }

    /// <summary>The rules of a link, also applied when a staff member is saved with a login (<see cref="ExecutorAdmin.SaveStaffAsync"/>).</summary>
    public static async Task EnsureLinkableAsync(AppDbContext db, ExecutorStaffMember member, string userId, CancellationToken ct)
    {
        if (member.UserId is { } current && current != userId)
            throw new ConflictException(Text.Get("admin.staff.alreadyLinked", member.FullName));
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ExecutorId }).FirstOrDefaultAsync(ct)
            ?? throw AppValidationException.For("userId", Text.Get("error.notFound"));
        if (user.ExecutorId != member.ExecutorId)
            throw AppValidationException.For("userId", Text.Get("admin.staff.loginOtherExecutor"));
        var isExecutorSide = await (from ur in db.UserRoles
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    where ur.UserId == userId && (r.Name == Roles.Executor || r.Name == Roles.ExecutorStaff)
                                    select ur).AnyAsync(ct);
        if (!isExecutorSide)
            throw AppValidationException.For("userId", Text.Get("admin.staff.loginRole"));
        var other = await db.ExecutorStaff.AsNoTracking().Where(s => s.UserId == userId && s.Id != member.Id).Select(s => s.FullName).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new ConflictException(Text.Get("admin.staff.loginTaken", other));
    }

    private async Task<ExecutorStaffMember> MemberAsync(int executorId, int staffId, CancellationToken ct) =>
        await db.ExecutorStaff.FirstOrDefaultAsync(s => s.Id == staffId && s.ExecutorId == executorId, ct)
            ?? throw new NotFoundException(Text.Get("error.notFound"));

    private async Task<StaffMemberView> ViewAsync(ExecutorStaffMember m, CancellationToken ct)
    {
        var login = m.UserId is { } uid ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.Email).FirstOrDefaultAsync(ct) : null;
        return new StaffMemberView(m.Id, m.FullName, m.Position, m.Phone, m.Email, m.UserId, m.IsResponsible, login);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
