using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactCenter.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AppDbContext"/> backed by the configured provider's subclass.</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.EffectiveConnectionString;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => ConfigureSqlite(o, connectionString));
        }
        else
        {
            // Pooled: a context carries no per-request state here, and reusing it saves work on every request.
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => ConfigurePostgres(o, connectionString));
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Features.Notifications.NotificationOutboxInterceptor.Instance, Features.Appeals.ApplicantKeysInterceptor.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Features.Notifications.NotificationOutboxInterceptor.Instance, Features.Appeals.ApplicantKeysInterceptor.Instance);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.DataSource != ":memory:" && folder is not null)
            Directory.CreateDirectory(folder);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context for migrations (see scripts/add-migration.sh).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(b, "Data Source=design-time.db");
        return new SqliteAppDbContext(b.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context for migrations; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(b, "Host=localhost;Database=design_time");
        return new PostgresAppDbContext(b.Options);
    }
}
