using System.Data.Common;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Tests.Infrastructure;

/// <summary>
/// Migrations at start run with the configured long command timeout (a fill over a million questions outlasts EF's
/// 30-second default), and the context gets its own timeout back afterwards.
/// </summary>
public sealed class MigrationTimeoutTests
{
    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Sql, int Timeout)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Commands.Add((command.CommandText, command.CommandTimeout));
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Commands.Add((command.CommandText, command.CommandTimeout));
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }

    [Fact]
    public async Task MigrateAtStart_UsesTheConfiguredTimeout_ThenRestoresIt()
    {
        Assert.Equal(3600, new DatabaseOptions().MigrationCommandTimeoutSeconds);
        var file = Path.Combine(Path.GetTempPath(), "cc-migration-timeout-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var recorder = new Recorder();
            var b = new DbContextOptionsBuilder<SqliteAppDbContext>();
            DatabaseServiceCollectionExtensions.ConfigureSqlite(b, "Data Source=" + file + ";Pooling=false");
            b.AddInterceptors(recorder);
            await using var db = new SqliteAppDbContext(b.Options);
            var before = db.Database.GetCommandTimeout();

            await DatabaseInitializer.MigrateAsync(db, 1234, NullLogger.Instance, CancellationToken.None);

            var migration = recorder.Commands.Where(c => c.Sql.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(migration);
            Assert.All(migration, c => Assert.Equal(1234, c.Timeout));
            // The received_at fill of questions runs under it too.
            Assert.Contains(recorder.Commands, c => c.Sql.Contains("received_at", StringComparison.Ordinal) && c.Sql.Contains("questions", StringComparison.Ordinal) && c.Timeout == 1234);
            Assert.Equal(before, db.Database.GetCommandTimeout());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
