using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Notifications;

/// <summary>An SMS gateway. One HTTP implementation is shipped (<see cref="HttpSmsGateway"/>).</summary>
public interface ISmsGateway
{
    bool Configured { get; }
    /// <summary>Sends one SMS; <paramref name="idempotencyKey"/> lets the gateway drop a repeat of the same message.</summary>
    Task SendAsync(string phone, string text, string idempotencyKey, CancellationToken ct);
}

/// <summary>A generic HTTP SMS gateway configured by URL template and credentials (<see cref="SmsOptions"/>).</summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public const string HttpClientName = "sms";

    public bool Configured => options.Value.Configured;

    public async Task SendAsync(string phone, string text, string idempotencyKey, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Configured)
            throw new InvalidOperationException("ContactCenter:Sms:UrlTemplate is not set.");
        var url = o.UrlTemplate!
            .Replace("{phone}", Uri.EscapeDataString(phone))
            .Replace("{msisdn}", Uri.EscapeDataString(phone.TrimStart('+')))
            .Replace("{text}", Uri.EscapeDataString(text))
            .Replace("{id}", Uri.EscapeDataString(idempotencyKey));
        using var request = new HttpRequestMessage(o.Method == "GET" ? HttpMethod.Get : HttpMethod.Post, url);
        if (o.Method == "POST")
            request.Content = JsonContent.Create(new { to = phone, text, id = idempotencyKey });
        if (o.User is { Length: > 0 })
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.User}:{o.Password}")));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var response = await http.SendAsync(request, cts.Token);
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(ct);
        var error = $"SMS gateway answered {(int)response.StatusCode}: {Truncate(body)}";
        // 4xx other than 408/429 is the gateway refusing this message; retrying it would only repeat the refusal.
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
            throw new PermanentDeliveryException(error);
        throw new HttpRequestException(error);
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] : s;
}

public sealed class SmsNotificationSender(ISmsGateway gateway) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Sms;
    public bool Configured => gateway.Configured;

    public Task SendAsync(OutgoingMessage message, CancellationToken ct) =>
        gateway.SendAsync(message.Recipient, message.Body, message.Key.ToString("N"), ct);
}
