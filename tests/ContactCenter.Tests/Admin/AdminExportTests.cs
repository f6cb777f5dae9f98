using System.Net;
using System.Text;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Addresses;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// CSV of the administration lists (<c>/api/v1/admin/exports/{list}</c>): UTF-8 with BOM and «;», the list's filter
/// applied on the server, API keys without secrets, the address register readable by its own import; administrators only.
/// </summary>
public abstract class AdminExportTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<(HttpStatusCode Status, byte[] Bytes, string Text)> GetAsync(string url, HttpClient? client = null)
    {
        using var response = await (client ?? app.Admin()).GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, bytes, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Users_Csv_BomSemicolons_FilteredAndSortedOnTheServer_Audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var (login, name) in new[] { ("yaryna", "Ярина Експортна"), ("andrii", "Андрій Експортний") })
        {
            var created = await app.Admin().PostReplyAsync("/api/v1/users", new { email = $"{login}.{tag}@rada.test", fullName = name + " " + tag, roles = new[] { "operator" } });
            Assert.Equal(HttpStatusCode.Created, created.Status);
        }

        var (status, bytes, text) = await GetAsync($"/api/v1/admin/exports/users?q={tag}&sort=name&desc=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Прізвище, ім'я, по батькові\";Електронна пошта;", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Ярина Експортна " + tag + ";", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Андрій Експортний " + tag + ";", lines[2], StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "adminExport" && a.EntityId == "users" && a.Details == tag)));
    }

    [Fact]
    public async Task ApiKeys_Csv_HasPrefixNeverTheSecret()
    {
        var key = await app.IssueKeyAsync(Roles.Operator);

        var (_, _, text) = await GetAsync("/api/v1/admin/exports/api-keys");

        Assert.Contains(key.Name, text);
        Assert.DoesNotContain(key.Key, text);
    }

    [Fact]
    public async Task Addresses_Csv_InTheImportColumns_ReimportChangesNothing()
    {
        await AddressTestData.EnsureAsync(app);

        var (status, _, text) = await GetAsync("/api/v1/admin/exports/addresses");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("district;street_type;street;former_names;building;lat;lon\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Ринкова;;1;50.4501;30.5234", text);
        var report = await AddressTestData.ImportAsync(app.Admin(), text);
        Assert.Equal(0, report.GetProperty("rejected").GetArrayLength());
        Assert.Equal(0, report.GetProperty("streetsCreated").GetInt32());
        Assert.Equal(0, report.GetProperty("buildingsCreated").GetInt32());
        Assert.Equal(0, report.GetProperty("buildingsUpdated").GetInt32());
    }

    [Theory]
    [InlineData("users")]
    [InlineData("staff")]
    [InlineData("api-keys")]
    public async Task Export_NotAdministrator_Forbidden_UnknownList_BadRequest(string list)
    {
        var supervisor = app.Client(await app.CreateKeyAsync(Roles.Supervisor));
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/api/v1/admin/exports/{list}", supervisor)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/api/v1/admin/exports/passwords")).Status);
    }
}

public sealed class AdminExportTests_Sqlite(SqliteApp app) : AdminExportTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AdminExportTests_Postgres(PostgresApp app) : AdminExportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
