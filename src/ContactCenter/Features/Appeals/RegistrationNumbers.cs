using System.Data;
using ContactCenter.Core.Numbering;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Hands out registration numbers. The counter row is bumped by a single autocommitted
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>: the row lock (PostgreSQL) or the write lock (SQLite)
/// makes parallel registrations get distinct numbers, and holding it only for that statement keeps throughput.
/// A registration that fails after taking a number leaves a gap, which the register tolerates.
/// </summary>
public sealed class RegistrationNumbers(AppDbContext db, IOptions<ContactCenterOptions> options)
{
    private readonly RegistrationNumberFormat _format = new(options.Value.Numbering.Format);

    public async Task<string> NextAsync(DateOnly localDate, CancellationToken ct)
    {
        var key = _format.CounterKey(localDate);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(ct);
        try
        {
            // One autocommitted statement: the row lock lives only as long as the statement, not a round trip.
            await using var upsert = connection.CreateCommand();
            upsert.CommandText =
                "INSERT INTO number_counters (\"key\", \"value\") VALUES (@key, 1) " +
                "ON CONFLICT (\"key\") DO UPDATE SET \"value\" = number_counters.\"value\" + 1 RETURNING \"value\"";
            var p = upsert.CreateParameter();
            p.ParameterName = "@key";
            p.Value = key;
            upsert.Parameters.Add(p);
            var value = Convert.ToInt64(await upsert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return _format.Format(localDate, value);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}
