using System.Security.Cryptography;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Admin;

public sealed record UserRow(string Id, string Email, string FullName, IReadOnlyList<string> Roles, int? ExecutorId, string? ExecutorName,
    bool IsLocked, bool TwoFactorEnabled, bool MustEnrolTwoFactor, bool MustChangePassword = false, int? StaffMemberId = null, string? StaffMemberName = null);

public sealed record UserQuery(string? Q = null, string? Role = null, string? Sort = null, bool Descending = false, int Page = 0, int PageSize = 25);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

public sealed record UserInput(string? Email, string? FullName, IReadOnlyList<string>? Roles, int? ExecutorId, bool? MustEnrolTwoFactor);

public sealed record CreatedUser(UserRow User, string TemporaryPassword);

/// <summary>
/// Staff accounts (F11.1) over Identity's <see cref="UserManager{TUser}"/>: list, create with a temporary password, roles and
/// executor binding, lock, reset the second factor, sign out everywhere. Administrator only; every change is audited.
/// One place for the API (<c>/api/v1/users</c>) and the console.
/// </summary>
public sealed class UserAdmin(UserManager<AppUser> users, AppDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<PageOf<UserRow>> ListAsync(UserQuery query, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var q = db.Users.AsNoTracking();
        foreach (var word in (query.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Both databases compare case-sensitively (and SQLite lowers only ASCII): e-mail through its normalized upper
            // form, names as typed, lower-case and capitalised — what people type.
            var upper = word.ToUpperInvariant();
            var lower = word.ToLowerInvariant();
            var title = char.ToUpperInvariant(word[0]) + lower[1..];
            q = q.Where(u => u.NormalizedEmail!.Contains(upper) || u.FullName.Contains(word) || u.FullName.Contains(lower) || u.FullName.Contains(title));
        }
        if (query.Role is { Length: > 0 } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        var total = await q.CountAsync(ct);
        q = (query.Sort, query.Descending) switch
        {
            ("email", false) => q.OrderBy(u => u.Email),
            ("email", true) => q.OrderByDescending(u => u.Email),
            ("locked", false) => q.OrderBy(u => u.LockoutEnd).ThenBy(u => u.FullName),
            ("locked", true) => q.OrderByDescending(u => u.LockoutEnd).ThenBy(u => u.FullName),
            (_, true) => q.OrderByDescending(u => u.FullName).ThenBy(u => u.Email),
            _ => q.OrderBy(u => u.FullName).ThenBy(u => u.Email),
        };
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = await q.Skip(Math.Max(0, query.Page) * size).Take(size).ToListAsync(ct);
        return new PageOf<UserRow>(await RowsAsync(page, ct), total);
    }

    public async Task<UserRow> GetAsync(string id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var user = await FindAsync(id);
        return (await RowsAsync([user], ct))[0];
    }

    public async Task<CreatedUser> CreateAsync(UserInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var roles = await ValidateAsync(input, null, ct);
        var email = input.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = input.FullName!.Trim(),
            ExecutorId = input.ExecutorId,
            MustEnrolTwoFactor = input.MustEnrolTwoFactor ?? true,
            // The administrator has seen the temporary password: the user replaces it at the first sign-in.
            MustChangePassword = true,
        };
        var password = TemporaryPassword();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        audit.Add(actor, "create", "user", user.Id, $"{email}; {string.Join(",", roles)}; executor {input.ExecutorId}");
        await db.SaveChangesAsync(ct);
        return new CreatedUser((await RowsAsync([user], ct))[0], password);
    }

    /// <summary>Name, roles and executor binding. The user's session picks the new roles up when its cookie is re-validated.</summary>
    public async Task<UserRow> UpdateAsync(string id, UserInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var user = await FindAsync(id);
        var roles = await ValidateAsync(input with { Email = user.Email }, user, ct);
        if (id == actor.UserId && !roles.Contains(Roles.Administrator))
            throw new RuleViolationException("admin.self", Text.Get("admin.self"));
        user.FullName = input.FullName!.Trim();
        user.ExecutorId = input.ExecutorId;
        if (input.MustEnrolTwoFactor is { } enrol)
            user.MustEnrolTwoFactor = enrol;
        Check(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        // New roles or organisation: the claims in the user's cookie must be rebuilt.
        Check(await users.UpdateSecurityStampAsync(user));
        // A login moved to another organisation, or left without an executor role, is no longer that staff member's.
        var executorSide = roles.Any(r => r is Roles.Executor or Roles.ExecutorStaff);
        foreach (var member in await db.ExecutorStaff.Where(s => s.UserId == user.Id && (!executorSide || s.ExecutorId != input.ExecutorId)).ToListAsync(ct))
        {
            member.UserId = null;
            audit.Add(actor, "unlinkLogin", "executorStaff", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"executor {member.ExecutorId}; {member.FullName}; user {user.Id}");
        }
        audit.Add(actor, "update", "user", user.Id, $"{string.Join(",", roles)}; executor {input.ExecutorId}");
        await db.SaveChangesAsync(ct);
        return (await RowsAsync([user], ct))[0];
    }

    public async Task<UserRow> SetLockedAsync(string id, bool locked, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        if (id == actor.UserId && locked)
            throw new RuleViolationException("admin.self", Text.Get("admin.self"));
        var user = await FindAsync(id);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (locked)
            Check(await users.UpdateSecurityStampAsync(user));
        else
            Check(await users.ResetAccessFailedCountAsync(user));
        audit.Add(actor, locked ? "lock" : "unlock", "user", user.Id);
        await db.SaveChangesAsync(ct);
        return (await RowsAsync([user], ct))[0];
    }

    /// <summary>A lost phone: the authenticator key is replaced and the second factor switched off; the user enrols again at the next sign-in.</summary>
    public async Task<UserRow> ResetTwoFactorAsync(string id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var user = await FindAsync(id);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        user.MustEnrolTwoFactor = true;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(actor, "resetTwoFactor", "user", user.Id);
        await db.SaveChangesAsync(ct);
        return (await RowsAsync([user], ct))[0];
    }

    /// <summary>
    /// A forgotten password: a new temporary one (returned once), to be changed at the next sign-in; every session of the
    /// user ends (the stamp is renewed) and a lockout from failed attempts is lifted.
    /// </summary>
    public async Task<CreatedUser> ResetPasswordAsync(string id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var user = await FindAsync(id);
        var password = TemporaryPassword();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(actor, "resetPassword", "user", user.Id);
        await db.SaveChangesAsync(ct);
        return new CreatedUser((await RowsAsync([user], ct))[0], password);
    }

    /// <summary>Renews the security stamp: every session of the user ends when its cookie is next validated (within a minute).</summary>
    public async Task SignOutEverywhereAsync(string id, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var user = await FindAsync(id);
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(actor, "signOutEverywhere", "user", user.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException(Text.Get("error.notFound"));

    private async Task<List<string>> ValidateAsync(UserInput input, AppUser? existing, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = input.Email?.Trim() ?? "";
        if (existing is null)
        {
            if (email.Length == 0)
                errors.Add("email", Text.Get("field.required"));
            else if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256)
                errors.Add("email", Text.Get("admin.user.email"));
            else if (await users.FindByEmailAsync(email) is not null)
                errors.Add("email", Text.Get("admin.user.emailTaken", email));
        }
        if (string.IsNullOrWhiteSpace(input.FullName))
            errors.Add("fullName", Text.Get("field.required"));
        else if (input.FullName.Length > 200)
            errors.Add("fullName", Text.Get("field.tooLong", 200));
        var roles = (input.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
            errors.Add("roles", Text.Get("field.required"));
        foreach (var role in roles.Where(r => !Roles.IsKnown(r) || r == Roles.Integration))
            errors.Add("roles", Text.Get("apiKey.role", role));
        if (roles.Any(r => r is Roles.Executor or Roles.ExecutorStaff) && input.ExecutorId is null)
            errors.Add("executorId", Text.Get("apiKey.executor"));
        if (input.ExecutorId is { } eid && !await db.Executors.AnyAsync(e => e.Id == eid, ct))
            errors.Add("executorId", Text.Get("executor.unknown", eid));
        errors.ThrowIfAny();
        return roles;
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(IReadOnlyList<AppUser> page, CancellationToken ct)
    {
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var executorIds = page.Where(u => u.ExecutorId is not null).Select(u => u.ExecutorId!.Value).Distinct().ToList();
        var executors = await db.Executors.AsNoTracking().Where(e => executorIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.ShortName ?? e.Name, ct);
        var staff = await db.ExecutorStaff.AsNoTracking().Where(s => s.UserId != null && ids.Contains(s.UserId))
            .Select(s => new { s.UserId, s.Id, s.FullName }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return page.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? "", u.FullName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
            u.ExecutorId, u.ExecutorId is { } e && executors.TryGetValue(e, out var name) ? name : null,
            u.LockoutEnd is { } end && end > now, u.TwoFactorEnabled, u.MustEnrolTwoFactor, u.MustChangePassword,
            staff.FirstOrDefault(s => s.UserId == u.Id)?.Id, staff.FirstOrDefault(s => s.UserId == u.Id)?.FullName)).ToList();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new AppValidationException(new Dictionary<string, string[]> { ["user"] = result.Errors.Select(e => e.Description).ToArray() });
    }

    /// <summary>Fourteen characters with every class Identity's password policy asks for; shown once to the administrator.</summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[14];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

public static class AdminGuard
{
    /// <summary>Reference data, accounts and keys are the administrator's (F11): checked in every operation, not only by hiding buttons.</summary>
    public static void Require(Actor actor)
    {
        if (!actor.IsAdministrator)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }
}
