using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The application on a real database of its own: a fresh SQLite file or a fresh PostgreSQL database on the server
/// named by <c>CC_TEST_POSTGRES</c> (scripts/test.sh starts one). Time is a <see cref="FakeTimeProvider"/>.
/// Every data test class runs once per provider: derive <c>X_Sqlite</c> and <c>X_Postgres</c> from an abstract <c>X&lt;TApp&gt;</c>.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly string _name = "cc_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _sqlitePath;

    protected AppFixture(Db db) => Db = db;

    public Db Db { get; }

    /// <summary>Starts at a Tuesday 10:00 Kyiv time, a working moment; tests move it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        if (Db == Db.Sqlite)
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), _name + ".db");
            ConnectionString = $"Data Source={_sqlitePath};Default Timeout=60";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException("CC_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
        }
        // Starting the host migrates and seeds the database.
        StartServer();
        await Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Database:Provider", Db == Db.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ContactCenter:Database:ConnectionString", ConnectionString);
        builder.UseSetting("ContactCenter:Bootstrap:AdminApiKey", AdminKey);
        builder.UseSetting("ContactCenter:Demo", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ConfigureServices(services);
        });
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
                File.Delete(f);
        }
        else if (Db == Db.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("CC_TEST_POSTGRES"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public HttpClient Client(string? apiKey = AdminKey, string language = "uk")
    {
        var client = CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    public HttpClient Admin() => Client();

    /// <summary>A scope for looking into the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<int> CreateExecutorAsync(string name, int? parentId = null, params string[] competences)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/executors", new { name, parentId, kind = "department", competences }, Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>Issues an API key of a role (bound to an executor for executor roles) and returns it.</summary>
    public async Task<string> CreateKeyAsync(string role, int? executorId = null)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/api-keys", new { name = role + "-" + Guid.NewGuid().ToString("N")[..6], role, executorId }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("key").GetString()!;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Startup.ConfigureJson(o);
        return o;
    }

    internal ExecutorDirectory Executors => Services.GetRequiredService<ExecutorDirectory>();
}

public sealed class SqliteApp() : AppFixture(Db.Sqlite);

public sealed class PostgresApp() : AppFixture(Db.Postgres);
