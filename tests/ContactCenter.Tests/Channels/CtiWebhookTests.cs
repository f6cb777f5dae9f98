using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Features.Telephony;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Channels;

/// <summary>The CTI webhook (INTEGRATIONS.md): signatures, idempotency, out-of-order events, the call-back queue, blocking.</summary>
public abstract class CtiWebhookTests<TApp>(TApp app) where TApp : ChannelsApp
{
    private static string NewCallId() => "pbx-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewUaMobile() => "067" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(object evt, string? signature = "sign", string prefix = "")
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(evt, AppFixture.Json);
        var client = app.Client(apiKey: null);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cti/events") { Content = content };
        if (signature == "sign")
            request.Headers.Add(CtiSignature.Header, prefix + CtiSignature.Sign(ChannelsApp.CtiSecret, json));
        else if (signature is not null)
            request.Headers.Add(CtiSignature.Header, signature);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> OkAsync(object evt)
    {
        var (status, body) = await PostAsync(evt);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}");
        return body;
    }

    private DateTimeOffset Now => app.Time.GetUtcNow();

    private object Event(string name, string callId, string from, DateTimeOffset at, string direction = "in", string? user = null, string? cause = null,
        string? url = null) =>
        new { @event = name, callId, direction, from, to = "1545", user, queue = "main", ivr = "2", at, cause, url, durationSeconds = url is null ? (int?)null : 95 };

    private async Task<Call> CallAsync(string callId) =>
        await app.WithDbAsync(db => db.Set<Call>().AsNoTracking().SingleAsync(c => c.CallId == callId));

    [Fact]
    public async Task Signature_MissingOrWrong_Unauthorized_ValidWithOrWithoutPrefix_Accepted()
    {
        var evt = Event("newCall", NewCallId(), NewUaMobile(), Now);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(evt, signature: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(evt, signature: new string('a', 64))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(evt, signature: "not-hex")).Status);
        var (status, body) = await PostAsync(evt);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", body);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(evt, prefix: "sha256=")).Status);
    }

    [Fact]
    public async Task Event_Duplicated_ChangesNothing()
    {
        var id = NewCallId();
        var evt = Event("newCall", id, NewUaMobile(), Now);
        await OkAsync(evt);
        var first = await CallAsync(id);
        await OkAsync(evt);
        var second = await CallAsync(id);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.UpdatedAt, second.UpdatedAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Call>().CountAsync(c => c.CallId == id)));
    }

    [Fact]
    public async Task Events_OutOfOrder_MergedIntoOneCall()
    {
        var id = NewCallId();
        var phone = NewUaMobile();
        var t0 = Now;
        // The hang-up arrives first, then the ring; the call is missed either way.
        await OkAsync(Event("hangup", id, phone, t0.AddSeconds(40), cause: "cancel"));
        await OkAsync(Event("newCall", id, phone, t0));
        var call = await CallAsync(id);
        Assert.Equal(t0, call.StartedAt);
        Assert.Equal(t0.AddSeconds(40), call.EndedAt);
        Assert.True(call.Missed);
        Assert.Equal(CallbackState.Open, call.Callback);

        // A late "answer" means it was not missed after all.
        await OkAsync(Event("answer", id, phone, t0.AddSeconds(10), user: "operator7"));
        call = await CallAsync(id);
        Assert.False(call.Missed);
        Assert.Equal(CallbackState.None, call.Callback);
        Assert.Equal("operator7", call.OperatorUser);
        Assert.Equal(t0.AddSeconds(10), call.AnsweredAt);
        Assert.Equal(t0.AddSeconds(40), call.EndedAt);
    }

    [Fact]
    public async Task Hangup_ForwardedBeforeAnswer_NotMissed()
    {
        var id = NewCallId();
        await OkAsync(Event("newCall", id, NewUaMobile(), Now));
        await OkAsync(Event("hangup", id, NewUaMobile(), Now.AddSeconds(5), cause: "forwarded"));
        Assert.False((await CallAsync(id)).Missed);
    }

    [Fact]
    public async Task Numbers_InThreeForms_AreOneCaller()
    {
        var forms = new[] { "0501234567", "+380 50 123 45 67", "380501234567" };
        foreach (var from in forms)
            await OkAsync(Event("newCall", NewCallId(), from, Now));
        var (status, list) = await app.Admin().GetJsonAsync("/api/v1/calls?phone=050%20123%2045%2067");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), c =>
        {
            Assert.Equal("+380501234567", c.GetProperty("phone").GetString());
            Assert.Equal("+380501234567", c.GetProperty("from").GetString());
        });
    }

    [Fact]
    public async Task MissedCallQueue_ClaimByOne_OtherGetsConflict_DoneLeavesQueue()
    {
        var id = NewCallId();
        var phone = NewUaMobile();
        await OkAsync(Event("newCall", id, phone, Now));
        await OkAsync(Event("hangup", id, phone, Now.AddSeconds(30), cause: "noAnswer"));
        var answeredId = NewCallId();
        await OkAsync(Event("newCall", answeredId, phone, Now));
        await OkAsync(Event("answer", answeredId, phone, Now.AddSeconds(3), user: "101"));
        await OkAsync(Event("hangup", answeredId, phone, Now.AddSeconds(60), cause: "normalClearing"));

        var (_, queue) = await app.Admin().GetJsonAsync("/api/v1/calls?missed=true");
        var item = Assert.Single(queue.EnumerateArray(), c => c.GetProperty("callId").GetString() == id);
        Assert.DoesNotContain(queue.EnumerateArray(), c => c.GetProperty("callId").GetString() == answeredId);
        var callId = item.GetProperty("id").GetInt64();

        var first = app.Client(await app.CreateKeyAsync("operator"));
        var second = app.Client(await app.CreateKeyAsync("operator"));
        var (status, claimed) = await first.PostJsonAsync($"/api/v1/calls/{callId}/claim", new { });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("claimed", claimed.GetProperty("callback").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostJsonAsync($"/api/v1/calls/{callId}/claim", new { })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostJsonAsync($"/api/v1/calls/{callId}/done", new { })).Status);

        (status, _) = await first.PostJsonAsync($"/api/v1/calls/{callId}/done", new { });
        Assert.Equal(HttpStatusCode.OK, status);
        (_, queue) = await app.Admin().GetJsonAsync("/api/v1/calls?missed=true");
        Assert.DoesNotContain(queue.EnumerateArray(), c => c.GetProperty("callId").GetString() == id);

        var executor = app.Client(await app.CreateKeyAsync("executor", await app.CreateExecutorAsync("ЖЕК " + Guid.NewGuid().ToString("N")[..4])));
        Assert.Equal(HttpStatusCode.Forbidden, (await executor.GetJsonAsync("/api/v1/calls")).Status);
    }

    [Fact]
    public async Task ClickToCall_SendsSignedOriginateToPbx()
    {
        var id = NewCallId();
        var phone = NewUaMobile();
        await OkAsync(Event("newCall", id, phone, Now));
        await OkAsync(Event("hangup", id, phone, Now.AddSeconds(20), cause: "cancel"));
        var callId = (await CallAsync(id)).Id;

        var (status, body) = await app.Admin().PostJsonAsync($"/api/v1/calls/{callId}/callback", new { extension = "101" });
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var e164 = "+380" + phone[1..];
        var originate = Assert.Single(app.Gateway.On("/pbx/originate"), r => r.Body.Contains(id, StringComparison.Ordinal));
        Assert.Contains("to=" + Uri.EscapeDataString(e164), originate.Query);
        Assert.True(CtiSignature.Verify(ChannelsApp.CtiSecret, Encoding.UTF8.GetBytes(originate.Body), originate.Headers[CtiSignature.Header]));
        Assert.Equal(CallbackState.Claimed, (await CallAsync(id)).Callback);
    }

    [Fact]
    public async Task Recording_AttachedToCallAndToAppealRegisteredDuringIt()
    {
        var id = NewCallId();
        var phone = NewUaMobile();
        var e164 = "+380" + phone[1..];
        await OkAsync(Event("newCall", id, phone, Now.AddMinutes(-2)));
        await OkAsync(Event("answer", id, phone, Now.AddMinutes(-2).AddSeconds(5), user: "101"));
        var number = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid(phone: e164)));
        await OkAsync(Event("hangup", id, phone, Now.AddMinutes(1), cause: "normalClearing"));
        await OkAsync(Event("recording", id, phone, Now.AddMinutes(1), url: "https://pbx.example/rec/" + id + ".mp3"));

        var (status, calls) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/calls");
        Assert.Equal(HttpStatusCode.OK, status);
        var call = Assert.Single(calls.EnumerateArray());
        Assert.Equal("https://pbx.example/rec/" + id + ".mp3", call.GetProperty("recordingUrl").GetString());
        Assert.Equal(95, call.GetProperty("recordingSeconds").GetInt32());
        Assert.Equal(number, Assert.Single(call.GetProperty("appeals").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task BlockedCaller_Rejected_UntilBlockExpiresOrIsLifted()
    {
        var phone = NewUaMobile();
        var operatorClient = app.Client(await app.CreateKeyAsync("operator"));
        var denied = await operatorClient.PostAsJsonAsync("/api/v1/blocklist", new { kind = "phone", value = phone, reason = "Образи операторів" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var (status, block) = await app.Admin().PostJsonAsync("/api/v1/blocklist",
            new { kind = "phone", value = "+380 " + phone[1..3] + " " + phone[3..], reason = "Образи операторів, розпалювання ворожнечі" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("+380" + phone[1..], block.GetProperty("value").GetString());

        var id = NewCallId();
        using (var reply = JsonDocument.Parse(await OkAsync(Event("newCall", id, "38" + phone, Now))))
        {
            Assert.Equal("reject", reply.RootElement.GetProperty("action").GetString());
            Assert.Equal("busy", reply.RootElement.GetProperty("reason").GetString());
        }
        await OkAsync(Event("hangup", id, phone, Now.AddSeconds(1), cause: "busy"));
        var call = await CallAsync(id);
        Assert.True(call.Rejected);
        Assert.False(call.Missed);
        // Outbound calls to the number are not rejected.
        Assert.Equal("{}", await OkAsync(Event("newCall", NewCallId(), phone, Now, direction: "out")));

        var blockId = block.GetProperty("id").GetInt32();
        var put = await app.Admin().PutAsJsonAsync($"/api/v1/blocklist/{blockId}",
            new { kind = "phone", value = phone, reason = "Строк минув", expiresAt = Now.AddMinutes(-1) }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("{}", await OkAsync(Event("newCall", NewCallId(), phone, Now)));

        var bad = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "phone", value = "12", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("value", out _));
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteAsync($"/api/v1/blocklist/{blockId}")).StatusCode);
    }

    [Fact]
    public async Task Event_Invalid_BadRequestWithFields()
    {
        var (status, body) = await PostAsync(new { @event = "ring", callId = "", direction = "sideways" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"event\"", body);
        Assert.Contains("\"callId\"", body);
        Assert.Contains("\"direction\"", body);
    }
}

public sealed class CtiWebhookTests_Sqlite(ChannelsSqliteApp app) : CtiWebhookTests<ChannelsSqliteApp>(app), IClassFixture<ChannelsSqliteApp>;

public sealed class CtiWebhookTests_Postgres(ChannelsPostgresApp app) : CtiWebhookTests<ChannelsPostgresApp>(app), IClassFixture<ChannelsPostgresApp>;
