using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace ContactCenter.Infrastructure.Data;

/// <summary>PostgreSQL: production, several application instances on one database.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public const string SearchVector = "SearchVector";

    public override bool IsPostgres => true;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // timestamptz accepts only UTC offsets from Npgsql; values are converted to Kyiv time on output.
        builder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<ToUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Full-text search on the substance: 'simple' configuration (PostgreSQL ships no Ukrainian
        // dictionary), prefix queries are built by the search handler.
        b.Entity<Appeal>(e =>
        {
            e.Property<NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql("to_tsvector('simple', search_text)", stored: true);
            e.HasIndex(SearchVector).HasMethod("GIN");
            // The lookup keys are machine keys compared byte by byte: with the "C" collation one B-tree serves both
            // LIKE 'prefix%' and ORDER BY, whatever the database's own collation (issue 3).
            e.OwnsOne(a => a.Applicant, o =>
            {
                o.Property(p => p.NameKey).UseCollation("C");
                o.Property(p => p.AddressKey).UseCollation("C");
            });
        });
    }

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
}
