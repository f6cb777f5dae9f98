using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Features.Identity;

public sealed record PasswordChangeInput(string? CurrentPassword, string? NewPassword, string? Confirm);

/// <summary>
/// A staff user changes their own password (F12.4): after a temporary one from an administrator (the console sends
/// them here until it is done) or whenever they like. Identity's password rules apply; messages are the user's language.
/// </summary>
public sealed class PasswordChange(UserManager<AppUser> users, AppDbContext db, AuditLog audit)
{
    /// <summary>Changes the password and clears <see cref="AppUser.MustChangePassword"/>; the caller refreshes the sign-in cookie.</summary>
    public async Task<AppUser> ChangeAsync(string userId, PasswordChangeInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException(Text.Get("error.notFound"));
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(input.CurrentPassword))
            errors.Add("currentPassword", Text.Get("field.required"));
        if (string.IsNullOrEmpty(input.NewPassword))
            errors.Add("newPassword", Text.Get("field.required"));
        else if (input.NewPassword != input.Confirm)
            errors.Add("confirm", Text.Get("admin.password.mismatch"));
        else if (input.NewPassword == input.CurrentPassword)
            errors.Add("newPassword", Text.Get("admin.password.same"));
        errors.ThrowIfAny();
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e.Description);
            errors.ThrowIfAny();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
                throw new ConflictException(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }
        audit.Add(new Actor(user.Id, user.FullName, "self", user.ExecutorId), "changePassword", "user", user.Id);
        await db.SaveChangesAsync(ct);
        return user;
    }
}

/// <summary>Identity's password messages in the user's language (Ukrainian by default) instead of its built-in English.</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = Text.Get("admin.password.wrong") };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Text.Get("admin.password.short", length) };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Text.Get("admin.password.digit") };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Text.Get("admin.password.lower") };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Text.Get("admin.password.upper") };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Text.Get("admin.password.symbol") };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = Text.Get("admin.password.unique", uniqueChars) };
}
