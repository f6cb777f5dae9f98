using System.Security.Claims;
using ContactCenter.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Console;

/// <summary>The staff console's services and its few plain HTTP endpoints (culture switch, sign-out).</summary>
public static class ConsoleSetup
{
    public const string FullNameClaim = "cc:full_name";
    public const string MustEnrolClaim = "cc:must_enrol";
    public const string MustChangePasswordClaim = "cc:must_change_password";

    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<ConsoleScope>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<BoardQueries>();
        services.AddScoped<MenuCounters>();
        services.AddScoped<RegistrationAids>();
        services.AddScoped<CountersChanged>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, ConsoleClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/console/login";
            o.LogoutPath = "/console/account/logout";
            o.AccessDeniedPath = "/console/denied";
        });
        // "Sign out everywhere" renews the security stamp; other sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/console/account").ExcludeFromDescription();
        group.MapGet("/culture", (string? culture, string? returnUrl, HttpContext http) =>
        {
            var c = culture == "en" ? "en" : "uk-UA";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });
        group.MapPost("/logout", async (IFormCollection form, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/console/login");
        });
        group.MapPost("/logout-everywhere", async (IFormCollection form, SignInManager<AppUser> signIn, UserManager<AppUser> users, HttpContext http) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
                await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/console/login");
        }).RequireAuthorization();
        return app;
    }

    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/console";
}

/// <summary>Adds what <c>Actor.From(user)</c> and the console read: full name, executor organisation, pending 2FA enrolment.</summary>
public sealed class ConsoleClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ConsoleSetup.FullNameClaim, user.FullName is { Length: > 0 } ? user.FullName : user.UserName ?? ""));
        if (user.ExecutorId is { } executor)
            identity.AddClaim(new Claim(Infrastructure.Security.Actor.ExecutorIdClaim, executor.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustEnrolTwoFactor && !user.TwoFactorEnabled)
            identity.AddClaim(new Claim(ConsoleSetup.MustEnrolClaim, "true"));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(ConsoleSetup.MustChangePasswordClaim, "true"));
        return identity;
    }
}
