using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Infrastructure;

/// <summary>
/// Each provider's migrations describe the whole model: a model change without its migration (or a model snapshot
/// left behind by a merge of two branches' migrations) fails here instead of at the next deployment.
/// </summary>
public sealed class MigrationSnapshotTests
{
    [Fact]
    public void Sqlite_MigrationsCoverTheModel()
    {
        var b = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(b, "Data Source=:memory:");
        using var db = new SqliteAppDbContext(b.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void Postgres_MigrationsCoverTheModel()
    {
        var b = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(b, "Host=127.0.0.1;Database=model_check");
        using var db = new PostgresAppDbContext(b.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: run scripts/add-migration.sh.");
    }
}
