using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Tests.Channels;

/// <summary>One HTTP request as the local server saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real HTTP server on a loopback port (Kestrel) that plays the other side of our outbound integrations:
/// an SMS gateway (<c>/sms</c>, idempotent by the message id like real gateways), the Telegram Bot API
/// (<c>/bot{token}/…</c>, see <see cref="ContactCenter.Tests.Telegram.TelegramFakeApi"/>) and a PBX originate endpoint (<c>/pbx/originate</c>).
/// </summary>
public sealed class LocalGatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    public ContactCenter.Tests.Telegram.TelegramFakeApi Telegram { get; } = new();
    /// <summary>SMS handed to the handset: one per message id, whatever the retries.</summary>
    public ConcurrentDictionary<string, ReceivedRequest> DeliveredSms { get; } = new();
    /// <summary>Answer the next N SMS requests with this status (e.g. 500) instead of accepting them.</summary>
    public ConcurrentQueue<int> SmsFailures { get; } = new();
    /// <summary>When set, an SMS request waits for it before it is accepted (to stop a sender mid-send).</summary>
    public TaskCompletionSource? SmsGate { get; set; }
    public TaskCompletionSource SmsArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string BaseUrl { get; }

    private LocalGatewayServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LocalGatewayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalGatewayServer? self = null;
        app.Run(async http => await self!.HandleAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LocalGatewayServer(app, address.TrimEnd('/'));
        return self;
    }

    public void ResetSmsArrived() => SmsArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new ReceivedRequest(http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? "", body,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(request);
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith("/sms", StringComparison.Ordinal))
        {
            SmsArrived.TrySetResult();
            if (SmsGate is { } gate)
                await gate.Task;
            if (SmsFailures.TryDequeue(out var status))
            {
                http.Response.StatusCode = status;
                await http.Response.WriteAsync("{\"error\":\"try later\"}");
                return;
            }
            var id = http.Request.Query["id"].ToString();
            DeliveredSms.TryAdd(id, request);
            await http.Response.WriteAsJsonAsync(new { status = "accepted", id });
            return;
        }
        // The Telegram Bot API (methods, getUpdates, file downloads): Telegram/TelegramFakeApi.cs.
        if (await Telegram.HandleAsync(http, path, body))
            return;
        if (path.StartsWith("/pbx", StringComparison.Ordinal))
        {
            await http.Response.WriteAsJsonAsync(new { status = "ok" });
            return;
        }
        http.Response.StatusCode = 404;
    }

    public IReadOnlyList<ReceivedRequest> On(string pathPrefix) => Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        SmsGate?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
