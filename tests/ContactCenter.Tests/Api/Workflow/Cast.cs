using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>An API key as issued: the key text is in the creation response only.</summary>
public sealed record IssuedKey(int Id, string Name, string Role, int? ExecutorId, string Key)
{
    /// <summary>How the key's holder appears in history and audit (<c>ApiKeyAuthenticationHandler</c>).</summary>
    public string ActorName => "API: " + Name;
}

/// <summary>A response read whole: status, body (default when empty) and content type.</summary>
public sealed record Reply(HttpStatusCode Status, JsonElement Body, string? ContentType)
{
    public override string ToString() => $"{(int)Status} {ContentType} {(Body.ValueKind == JsonValueKind.Undefined ? "" : Body.ToString())}";
}

/// <summary>
/// The people of one test database: an executor organisation with keys for every role, a second organisation, and
/// helpers that walk an appeal of theirs to a given status through the API. Built once per application instance.
/// </summary>
public sealed class Cast
{
    private static readonly ConditionalWeakTable<AppFixture, Task<Cast>> Casts = new();

    private Cast(AppFixture app) => App = app;

    public AppFixture App { get; }

    /// <summary>The executor organisation whose keys act in the tests.</summary>
    public int ExecutorId { get; private set; }

    /// <summary>Another organisation: its appeals are outside <see cref="ExecutorId"/>'s scope.</summary>
    public int OtherExecutorId { get; private set; }

    public IssuedKey Operator { get; private set; } = null!;
    public IssuedKey Supervisor { get; private set; } = null!;
    public IssuedKey Executor { get; private set; } = null!;
    public IssuedKey ExecutorStaff { get; private set; } = null!;
    public IssuedKey Leadership { get; private set; } = null!;
    public IssuedKey Administrator { get; private set; } = null!;
    public IssuedKey Integration { get; private set; } = null!;
    public IssuedKey OtherExecutor { get; private set; } = null!;

    public static Task<Cast> Of(AppFixture app) => Casts.GetValue(app, a => CreateAsync(a));

    private static async Task<Cast> CreateAsync(AppFixture app)
    {
        var cast = new Cast(app)
        {
            ExecutorId = await app.CreateExecutorAsync("КП «Водоканал» (тест)", null, "utilities.water"),
            OtherExecutorId = await app.CreateExecutorAsync("КП «Міськсвітло» (тест)", null, "improvement.lighting"),
        };
        cast.Operator = await app.IssueKeyAsync("operator");
        cast.Supervisor = await app.IssueKeyAsync("supervisor");
        cast.Executor = await app.IssueKeyAsync("executor", cast.ExecutorId);
        cast.ExecutorStaff = await app.IssueKeyAsync("executorStaff", cast.ExecutorId);
        cast.Leadership = await app.IssueKeyAsync("leadership");
        cast.Administrator = await app.IssueKeyAsync("administrator");
        cast.Integration = await app.IssueKeyAsync("integration");
        cast.OtherExecutor = await app.IssueKeyAsync("executor", cast.OtherExecutorId);
        return cast;
    }

    public IssuedKey KeyOf(string role) => role switch
    {
        "operator" => Operator,
        "supervisor" => Supervisor,
        "executor" => Executor,
        "executorStaff" => ExecutorStaff,
        "leadership" => Leadership,
        "administrator" => Administrator,
        "integration" => Integration,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public HttpClient As(IssuedKey key) => App.Client(key.Key);

    /// <summary>Registered by the operator without an executor: status registered (the seed has no routing rules).</summary>
    public async Task<string> RegisteredAsync()
    {
        var body = await As(Operator).RegisterAsync(Appeals.Valid());
        Assert.Equal("registered", body.GetProperty("status").GetString());
        return Number(body);
    }

    /// <summary>Registered by the operator straight to <paramref name="executorId"/> (default: <see cref="ExecutorId"/>).</summary>
    public async Task<string> AssignedAsync(int? executorId = null, Dictionary<string, object?>? body = null)
    {
        body ??= Appeals.Valid();
        body["executorId"] = executorId ?? ExecutorId;
        var card = await As(Operator).RegisterAsync(body);
        Assert.Equal("assigned", card.GetProperty("status").GetString());
        return Number(card);
    }

    public async Task<string> InProgressAsync(Dictionary<string, object?>? body = null)
    {
        var number = await AssignedAsync(null, body);
        await OkAsync(Executor, number, "accept", null, "inProgress");
        return number;
    }

    public async Task<string> ResultReportedAsync()
    {
        var number = await InProgressAsync();
        await OkAsync(Executor, number, "result", new { text = "Засувку замінено, воду подано", resultCode = "resolved" }, "resultReported");
        return number;
    }

    /// <summary>Fires a transition that must succeed and checks where the card lands.</summary>
    public async Task<JsonElement> OkAsync(IssuedKey key, string number, string action, object? body, string expectedStatus)
    {
        var reply = await As(key).PostReplyAsync($"/api/v1/appeals/{number}/{action}", body ?? new { });
        Assert.True(reply.Status == HttpStatusCode.OK, $"{action} by {key.Role}: {reply}");
        Assert.Equal(expectedStatus, reply.Body.GetProperty("status").GetString());
        return reply.Body;
    }

    /// <summary>An executor request by the executor key; must be accepted as pending. Returns its id.</summary>
    public async Task<long> RequestAsync(string number, object body)
    {
        var reply = await As(Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests", body);
        Assert.True(reply.Status == HttpStatusCode.Created, reply.ToString());
        Assert.Equal("pending", reply.Body.GetProperty("status").GetString());
        return reply.Body.GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> CardAsync(string number)
    {
        var reply = await As(Administrator).GetReplyAsync($"/api/v1/appeals/{number}");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return reply.Body;
    }

    public async Task<JsonElement[]> HistoryAsync(string number)
    {
        var reply = await As(Administrator).GetReplyAsync($"/api/v1/appeals/{number}/history");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return [.. reply.Body.EnumerateArray()];
    }

    public Task<long> AppealIdAsync(string number) =>
        App.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync());

    public static string Number(JsonElement card) => card.GetProperty("registrationNumber").GetString()!;
}

public static class WorkflowHttp
{
    /// <summary>Issues a key with a known name through the API (the fixture's helper hides the name).</summary>
    public static async Task<IssuedKey> IssueKeyAsync(this AppFixture app, string role, int? executorId = null, HttpClient? by = null)
    {
        var name = $"flow-{role}-{Guid.NewGuid():N}"[..32];
        var reply = await (by ?? app.Admin()).PostReplyAsync("/api/v1/api-keys", new { name, role, executorId });
        Assert.True(reply.Status == HttpStatusCode.Created, reply.ToString());
        return new IssuedKey(
            reply.Body.GetProperty("id").GetInt32(),
            reply.Body.GetProperty("name").GetString()!,
            reply.Body.GetProperty("role").GetString()!,
            executorId,
            reply.Body.GetProperty("key").GetString()!);
    }

    public static async Task<Reply> PostReplyAsync(this HttpClient client, string url, object? body) =>
        await ReadAsync(await client.PostAsJsonAsync(url, body, AppFixture.Json));

    public static async Task<Reply> PutReplyAsync(this HttpClient client, string url, object? body) =>
        await ReadAsync(await client.PutAsJsonAsync(url, body, AppFixture.Json));

    public static async Task<Reply> GetReplyAsync(this HttpClient client, string url) =>
        await ReadAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));

    public static async Task<Reply> DeleteReplyAsync(this HttpClient client, string url) =>
        await ReadAsync(await client.DeleteAsync(new Uri(url, UriKind.Relative)));

    private static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new Reply(response.StatusCode, json, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The ProblemDetails of an error reply, checked to be one (RFC 9457) with the same status.</summary>
    public static JsonElement Problem(this Reply reply, HttpStatusCode status)
    {
        Assert.True(reply.Status == status, $"Expected {(int)status}, got {reply}");
        Assert.Equal("application/problem+json", reply.ContentType);
        Assert.Equal((int)status, reply.Body.GetProperty("status").GetInt32());
        return reply.Body;
    }

    /// <summary>The field names listed in a validation ProblemDetails.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
