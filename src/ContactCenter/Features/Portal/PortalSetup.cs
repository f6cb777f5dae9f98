using System.Globalization;
using System.Threading.RateLimiting;
using ContactCenter.Features.Addresses;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Portal;

/// <summary>The citizen portal's registrations: Razor Pages, static files, the per-IP limit on its forms, small endpoints.</summary>
public static class PortalSetup
{
    /// <summary>POSTs to these pages are limited per IP address (submission and tracking look-up).</summary>
    public static readonly string[] LimitedPaths = ["/appeal/new", "/track", "/subscribe"];

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        services.AddScoped<PortalService>();
        services.AddRazorPages();
        // Cyrillic as characters, not &#x…; entities: half the page weight, and still encoded where it matters (<, >, &, ").
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && LimitedPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        (http.Connection.RemoteIpAddress?.ToString() ?? "unknown") + http.Request.Path.Value!.ToLowerInvariant(),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PostsPerWindow,
                            Window = TimeSpan.FromMinutes(options.RateWindowMinutes),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                var text = System.Net.WebUtility.HtmlEncode(PortalText.T("err.rate"));
                var lang = PortalText.English ? "en" : "uk";
                await ctx.HttpContext.Response.WriteAsync(
                    $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>429</title>" +
                    $"<link rel=\"stylesheet\" href=\"/portal/portal.css\"></head><body><main class=\"wrap\"><h1>429</h1><p role=\"alert\">{text}</p><p><a href=\"/\">←</a></p></main></body></html>", ct);
            };
        });
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.MapRazorPages();

        // English switch: a culture cookie, then back to where the citizen was (local paths only).
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var c = culture == "en" ? "en" : "uk-UA";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var target = returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription().AllowAnonymous();

        // Address suggestions for the portal's form (the staff address API needs a key); street and number only.
        app.MapGet("/portal/addresses", async (string? q, AddressRegister register, CancellationToken ct) =>
        {
            if (q is not { Length: >= 2 and <= 100 })
                return Results.Ok(Array.Empty<string>());
            var found = await register.SearchAsync(q, 10, ct);
            return Results.Ok(found.Select(a => a.Address).ToArray());
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    public static string Date(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "—";
}
