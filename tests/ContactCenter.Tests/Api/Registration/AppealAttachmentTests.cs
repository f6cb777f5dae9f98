using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>Multipart upload of photos and documents (F1.5): the type is judged by the bytes, not the name.</summary>
public abstract class AppealAttachmentTests<TApp>(TApp app) where TApp : AppFixture
{
    /// <summary>A complete 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task Upload_RealPng_201ListedAndDownloadedByteIdentical()
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, Png[..8]);
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Number();
        var client = app.Admin();

        // Declared as octet-stream on purpose: the server decides the type from the bytes.
        var response = await client.PostAsync($"/api/v1/appeals/{number}/attachments", File(Png, "фото-двору.png", "application/octet-stream"));
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {created}");
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/appeals/{number}/attachments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("фото-двору.png", created.Str("fileName"));
        Assert.Equal("image/png", created.Str("contentType"));
        Assert.Equal(Png.Length, created.GetProperty("size").GetInt64());
        Assert.False(created.GetProperty("evidence").GetBoolean());

        var (status, list) = await client.GetJsonAsync($"/api/v1/appeals/{number}/attachments");
        Assert.Equal(HttpStatusCode.OK, status);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetInt64());
        Assert.Equal("фото-двору.png", listed.Str("fileName"));

        var download = await client.GetAsync($"/api/v1/appeals/{number}/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        var (_, history) = await client.GetJsonAsync($"/api/v1/appeals/{number}/history");
        Assert.Contains(history.EnumerateArray(), h => h.Str("action") == "attached" && h.GetProperty("comment").GetString() == "фото-двору.png");
    }

    [Fact]
    public async Task Upload_TextNamedJpg_400UnsupportedType()
    {
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Number();

        var response = await app.Admin().PostAsync($"/api/v1/appeals/{number}/attachments",
            File(Encoding.UTF8.GetBytes("це не фото, а текст"), "photo.jpg", "image/jpeg"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var errors = AssertValidationProblem(response.StatusCode, problem, "file");
        Assert.Equal(["Непідтримуваний тип файлу."], errors["file"]);
        var (_, list) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/attachments");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Upload_EmptyFile_400()
    {
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Number();

        var response = await app.Admin().PostAsync($"/api/v1/appeals/{number}/attachments", File([], "empty.png", "image/png"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var errors = AssertValidationProblem(response.StatusCode, problem, "file");
        Assert.Equal(["Файл порожній або не передано."], errors["file"]);
    }

    [Fact]
    public async Task Upload_UnknownAppeal_404()
    {
        var response = await app.Admin().PostAsync("/api/v1/appeals/99-99998/attachments", File(Png, "a.png", "image/png"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class AppealAttachmentTests_Sqlite(SqliteApp app) : AppealAttachmentTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AppealAttachmentTests_Postgres(PostgresApp app) : AppealAttachmentTests<PostgresApp>(app), IClassFixture<PostgresApp>;
