using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Infrastructure;

/// <summary>Configuration section <c>ContactCenter</c>.</summary>
public sealed class ContactCenterOptions
{
    public const string Section = "ContactCenter";

    public DatabaseOptions Database { get; set; } = new();
    public BootstrapOptions Bootstrap { get; set; } = new();
    /// <summary>Demo data; null means "on for SQLite, off for PostgreSQL".</summary>
    public bool? Demo { get; set; }
    public NumberingOptions Numbering { get; set; } = new();
    public AttachmentOptions Attachments { get; set; } = new();

    public bool DemoEnabled => Demo ?? Database.Provider == DatabaseProvider.Sqlite;
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Defaults to a SQLite file in the <c>data</c> folder next to the working directory.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } cs
        ? cs
        : Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine("data", "contact-center.db")}"
            : throw new InvalidOperationException("ContactCenter:Database:ConnectionString is required for PostgreSQL.");

    /// <summary>
    /// Command timeout (seconds) for the migrations applied at start: a migration that fills a column over a million rows runs
    /// far longer than EF's 30-second default. 0 means no limit. Ordinary requests keep the provider's default.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MigrationCommandTimeoutSeconds { get; set; } = 3600;
}

public sealed class BootstrapOptions
{
    /// <summary>When set, an administrator API key with exactly this value exists after start-up.</summary>
    public string? AdminApiKey { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

public sealed class NumberingOptions
{
    /// <summary>Registration number format, see <c>RegistrationNumberFormat</c>. Default: "26-00042".</summary>
    [Required]
    public string Format { get; set; } = "{yy}-{seq:5}";
}

public sealed class AttachmentOptions
{
    [Range(1024, 200 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;
}
