using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Informing;

/// <summary>
/// Broadcasts to outage subscribers (staff). Residents subscribe on the portal (<c>/subscribe</c>, double opt-in) and
/// through the bot (<see cref="SubscriptionService"/> directly).
/// </summary>
public static class InformingApi
{
    public static IEndpointRouteBuilder MapInformingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/broadcasts").RequireAuthorization().WithTags("Informing");

        group.MapPost("/reach", async (BroadcastTarget body, BroadcastService broadcasts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await broadcasts.ReachAsync(body, http.Actor(), ct)))
            .WithName("BroadcastReach")
            .WithSummary("How many subscribers a broadcast would reach `{outageId?, areas?, types?}`, by channel, before sending.");

        group.MapPost("/", async (BroadcastInput body, BroadcastService broadcasts, HttpContext http, CancellationToken ct) =>
        {
            var view = await broadcasts.SendAsync(body, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/broadcasts/{view.Id}", view);
        })
        .WithName("SendBroadcast")
        .WithSummary("Queue a message `{requestKey, outageId?, areas?, types?, subject?, text}` to every subscriber reached, once each; the same requestKey returns the first broadcast.");

        group.MapGet("/", async (long? outageId, BroadcastService broadcasts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await broadcasts.ListAsync(http.Actor(), outageId, ct)))
            .WithName("ListBroadcasts").WithSummary("Broadcast history with delivery counts (?outageId= for one outage's).");

        group.MapGet("/{id:long}", async (long id, BroadcastService broadcasts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await broadcasts.GetAsync(id, http.Actor(), ct)))
            .WithName("GetBroadcast").WithSummary("One broadcast with its delivery counts.");
        return app;
    }
}

/// <summary>Registration of subscriptions and broadcasts (one call each from Startup).</summary>
public static class InformingSetup
{
    public static IServiceCollection AddInforming(this IServiceCollection services)
    {
        services.AddOptions<InformingOptions>().BindConfiguration(InformingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<BroadcastService>();
        services.AddScoped<OutboxRateLimiter>();
        services.AddScoped<OutageConsoleLookups>();
        return services;
    }
}
