using System.Net;
using System.Text.Json;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>
/// The generated OpenAPI description and its reference page (F10.2). No data involved, so SQLite alone:
/// the document is built from the endpoints, whichever database is behind them.
/// </summary>
public sealed class ApiDocumentationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpenApi_Anonymous_200ListsAppealEndpoints()
    {
        var response = await app.Client(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Contact Center API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");
        var appeals = paths.GetProperty("/api/v1/appeals");
        Assert.True(appeals.TryGetProperty("post", out var post));
        Assert.Equal("RegisterAppeal", post.GetProperty("operationId").GetString());
        Assert.True(appeals.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/v1/appeals/{number}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/appeals/{number}/attachments", out _));
    }

    [Fact]
    public async Task ApiDocs_Anonymous_200Html()
    {
        var response = await app.Client(null).GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Contact Center API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
