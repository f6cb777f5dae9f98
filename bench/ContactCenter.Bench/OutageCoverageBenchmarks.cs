using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContactCenter.Bench;

/// <summary>
/// Issue 7's target: "which active outages cover this building" with 1,000 active outages covering 50,000 buildings,
/// p95 under 5 ms. The data: 1,000 streets of 50 buildings; each outage covers one street by a range (half of them one
/// side only) — 50,000 coverage rows, as <see cref="OutageCoverage"/> writes them. Each call asks about another building.
/// SQLite always; PostgreSQL too when <c>CC_TEST_POSTGRES</c> names a server (a database cc_bench_outages is created).
/// Short run: <c>dotnet run -c Release --project bench/ContactCenter.Bench -- --filter '*OutageCoverage*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class OutageCoverageBenchmarks
{
    private const int Streets = 1000;
    private const int BuildingsPerStreet = 50;
    private const int Outages = 1000;

    private AppDbContext _db = null!;
    private OutageCoverage _coverage = null!;
    private int[] _buildingIds = [];
    private int _next;
    private string? _sqlitePath;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "Sqlite";

    public static IEnumerable<string> Providers()
    {
        yield return "Sqlite";
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CC_TEST_POSTGRES")))
            yield return "Postgres";
    }

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _db = await CreateDatabaseAsync();
        await _db.Database.MigrateAsync();
        _db.ChangeTracker.AutoDetectChangesEnabled = false;

        var district = new District { Name = "Bench" };
        _db.Districts.Add(district);
        await _db.SaveChangesAsync();
        var streets = Enumerable.Range(1, Streets).Select(i => new Street
        {
            Type = "вулиця",
            Name = $"Вулиця {i}",
            SearchName = $"вулиця {i}",
            DistrictId = district.Id,
            Buildings = Enumerable.Range(1, BuildingsPerStreet).Select(n => new Building { Number = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
        }).ToList();
        _db.Streets.AddRange(streets);
        await _db.SaveChangesAsync();

        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var outages = streets.Select((s, i) => new Outage
        {
            Type = (OutageType)(i % 8),
            Kind = OutageKind.Emergency,
            Information = "bench",
            StartsAt = start,
            ExecutorId = 1,
            CreatedAt = start,
            UpdatedAt = start,
            Areas = [new OutageArea { Kind = OutageAreaKind.Range, StreetId = s.Id, FromNumber = 1, ToNumber = BuildingsPerStreet, Side = StreetSide.All }],
        }).Take(Outages).ToList();
        _db.Outages.AddRange(outages);
        await _db.SaveChangesAsync();
        foreach (var (outage, street) in outages.Zip(streets))
        {
            _db.OutageBuildings.AddRange(street.Buildings.Select(b => new OutageBuilding { BuildingId = b.Id, OutageId = outage.Id }));
        }
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        _buildingIds = streets.SelectMany(s => s.Buildings.Select(b => b.Id)).OrderBy(id => (id * 7919) % 50_021).ToArray();
        _coverage = new OutageCoverage(_db);
        var check = await _coverage.AtBuildingAsync(_buildingIds[0], CancellationToken.None);
        if (check.Count != 1)
            throw new InvalidOperationException($"Expected one outage at a building, got {check.Count}.");
    }

    private async Task<AppDbContext> CreateDatabaseAsync()
    {
        if (Provider == "Postgres")
        {
            var server = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES")!;
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS cc_bench_outages WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE cc_bench_outages", conn);
                await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = "cc_bench_outages" }.ConnectionString;
            var pg = new DbContextOptionsBuilder<PostgresAppDbContext>();
            DatabaseServiceCollectionExtensions.ConfigurePostgres(pg, cs);
            return new PostgresAppDbContext(pg.Options);
        }
        _sqlitePath = Path.Combine(Path.GetTempPath(), $"cc_bench_outages_{Environment.ProcessId}.db");
        File.Delete(_sqlitePath);
        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(sqlite, $"Data Source={_sqlitePath}");
        return new SqliteAppDbContext(sqlite.Options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqlitePath);
        }
    }

    [Benchmark(Description = "Open outages at one building")]
    public async Task<int> OutagesAtBuilding()
    {
        var id = _buildingIds[_next++ % _buildingIds.Length];
        return (await _coverage.AtBuildingAsync(id, CancellationToken.None)).Count;
    }
}
