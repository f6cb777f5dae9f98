using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ContactCenter.Features.ApiKeys;
using ContactCenter.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContactCenter.Infrastructure.Security;

/// <summary>Authenticates machines by the <c>X-Api-Key</c> header (API.md).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    // A validated key is remembered briefly so that a busy integration does not cost a query per request;
    // a revoked key therefore stops working within this time.
    public static string CacheKey(string hash) => "apikey:" + hash;

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
            return AuthenticateResult.NoResult();
        var key = values[0];
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
            return AuthenticateResult.Fail("Invalid API key.");

        var hash = ApiKeyService.Hash(key);
        if (!cache.TryGetValue<ApiKey>("apikey:" + hash, out var found) || found is null)
        {
            var db = Context.RequestServices.GetRequiredService<AppDbContext>();
            var prefix = ApiKeyService.PrefixOf(key);
            var candidates = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Prefix == prefix && k.RevokedAt == null)
                .ToListAsync(Context.RequestAborted);
            found = candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(k.Hash), Encoding.ASCII.GetBytes(hash)));
            if (found is null)
                return AuthenticateResult.Fail("Invalid API key.");
            cache.Set("apikey:" + hash, found, CacheFor);
            // When it was last used, for the administrator's list: written on a cache miss, so at most once per CacheFor.
            var now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            await db.ApiKeys.Where(k => k.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "apikey:" + found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, "API: " + found.Name),
            new("cc:full_name", "API: " + found.Name),
            new(ClaimTypes.Role, found.Role),
        };
        if (found.ExecutorId is { } executorId)
            claims.Add(new Claim(Actor.ExecutorIdClaim, executorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Task.CompletedTask;
    }
}
