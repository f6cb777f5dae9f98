using System.Text.Json;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Infrastructure.Events;

public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>GET /api/v1/events</c>: a server-sent event stream of appeal changes the caller may see
    /// (an executor: its organisation and the units below it).
    /// </summary>
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", async (HttpContext http, AppealEventBus bus, AppealAccess access, CancellationToken ct) =>
        {
            var actor = http.Actor();
            if (actor.Role == "none")
                throw new ForbiddenException(Text.Get("error.forbidden"));
            var scope = await access.ScopeAsync(actor, ct);
            using var subscription = bus.Subscribe();
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(Heartbeat);
                    AppealChanged change;
                    try
                    {
                        change = await subscription.Reader.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        await http.Response.WriteAsync(": heartbeat\n\n", ct);
                        await http.Response.Body.FlushAsync(ct);
                        continue;
                    }
                    if (scope is not null && !change.ExecutorIds.Any(scope.Contains))
                        continue;
                    var json = JsonSerializer.Serialize(change with { Origin = "" }, EventJson.Options);
                    await http.Response.WriteAsync($"event: appealChanged\ndata: {json}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away.
            }
        })
        .RequireAuthorization().WithTags("Appeals").WithName("AppealEvents")
        .WithSummary("Server-sent events: appeal changes visible to the caller, from every application instance.")
        .ExcludeFromDescription();
        return app;
    }
}
