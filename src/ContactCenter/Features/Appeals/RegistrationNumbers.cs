using System.Data;
using System.Data.Common;
using ContactCenter.Core.Numbering;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Hands out registration numbers. The counter row is bumped with a single
/// <c>UPDATE … RETURNING</c> in its own short transaction: the row lock (PostgreSQL) or the write lock (SQLite)
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
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var insert = Command(connection, tx,
                "INSERT INTO number_counters (\"key\", \"value\") VALUES (@key, 0) ON CONFLICT (\"key\") DO NOTHING", key))
                await insert.ExecuteNonQueryAsync(ct);
            long value;
            await using (var update = Command(connection, tx,
                "UPDATE number_counters SET \"value\" = \"value\" + 1 WHERE \"key\" = @key RETURNING \"value\"", key))
                value = Convert.ToInt64(await update.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            await tx.CommitAsync(ct);
            return _format.Format(localDate, value);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, string key)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "@key";
        p.Value = key;
        cmd.Parameters.Add(p);
        return cmd;
    }
}
