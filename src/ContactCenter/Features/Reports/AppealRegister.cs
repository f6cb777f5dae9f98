using System.Runtime.CompilerServices;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Console;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Export;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Reports;

/// <summary>One line of the register of appeals («список звернень громадян», 002 §3.4, Додаток 3).</summary>
public sealed record RegisterRow(
    int Number,
    DateTimeOffset ReceivedAt,
    string RegistrationNumber,
    string Applicant,
    string? RepresentativeOf,
    string? Phone,
    string? RegisteredAddress,
    string? Address,
    string Substance,
    string Channel,
    string Kind,
    string? Executor,
    DateTimeOffset? DueAt,
    string Status,
    string? Result,
    bool Hidden);

/// <summary>
/// The register of appeals for a period in the form of 002 Додаток 3. The seed names the annex but does not include its
/// table, so the columns are what 002 §3.4–3.5 says the operator records (full name, and whom a representative acts
/// for; contact phone; registered address «прописка»; temporary residence; the substance) plus the registration data of
/// 000 §3.2 (number, date and time, channel, executor, term, status). A hidden identity (R12) is masked in every
/// register, whoever prints it; every register is a personal-data read and is audited.
/// </summary>
public sealed class AppealRegister(AppDbContext db, ExecutorDirectory executors, CalendarService calendar, AuditLog audit)
{
    public const int MaxPrintRows = 2000;

    public static void EnsureCanRead(Actor actor)
    {
        if (actor.Role is not (Identity.Roles.Leadership or Identity.Roles.Supervisor or Identity.Roles.Administrator or Identity.Roles.Operator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    public async IAsyncEnumerable<RegisterRow> RowsAsync(ReportPeriod period, Actor actor, string format, int? limit, [EnumeratorCancellation] CancellationToken ct)
    {
        EnsureCanRead(actor);
        var (start, end) = period.Instants(calendar.TimeZone);
        var lookup = await executors.AllAsync(ct);
        await audit.RecordReadAsync(actor, "appealRegister", null, $"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}; {format}", ct);
        var query = db.Appeals.AsNoTracking()
            .Where(a => a.ReceivedAt >= start && a.ReceivedAt < end)
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.RegistrationNumber,
                a.ReceivedAt,
                a.DueAt,
                a.Status,
                a.Channel,
                a.Kind,
                a.Description,
                a.HideIdentity,
                a.Applicant.FullName,
                a.Applicant.RepresentativeOf,
                a.Applicant.Phone,
                a.Applicant.RegisteredAddress,
                a.Applicant.Address,
                Questions = a.Questions.OrderBy(q => q.Number).Select(q => new { q.ExecutorId, q.ResultCode }).ToList(),
            });
        if (limit is { } max)
            query = query.Take(max);
        var n = 0;
        var zone = calendar.TimeZone;
        await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var executorNames = a.Questions.Where(q => q.ExecutorId != null).Select(q => lookup.TryGetValue(q.ExecutorId!.Value, out var e) ? e.Name : "#" + q.ExecutorId)
                .Distinct().ToList();
            var results = a.Questions.Where(q => q.ResultCode != null).Select(q => T.Enum(q.ResultCode!.Value)).Distinct().ToList();
            var hidden = a.HideIdentity;
            yield return new RegisterRow(
                ++n,
                TimeZoneInfo.ConvertTime(a.ReceivedAt, zone),
                a.RegistrationNumber,
                hidden ? Text.Get("applicant.hidden") : a.FullName,
                hidden ? null : a.RepresentativeOf,
                hidden ? null : a.Phone,
                hidden ? null : a.RegisteredAddress,
                hidden ? null : a.Address,
                a.Description,
                T.Enum(a.Channel),
                T.Enum(a.Kind),
                executorNames.Count == 0 ? null : string.Join("; ", executorNames),
                a.DueAt is { } due ? TimeZoneInfo.ConvertTime(due, zone) : null,
                Text.Status(a.Status),
                results.Count == 0 ? null : string.Join("; ", results),
                hidden);
        }
    }

    /// <summary>The columns of Додаток 3 — the same for CSV, XLSX and the print page.</summary>
    public static ExportTable<RegisterRow> Table { get; } = new("register",
    [
        new(() => Text.Get("register.col.n"), r => r.Number, 5),
        new(() => Text.Get("register.col.received"), r => r.ReceivedAt, 16),
        new(() => Text.Get("register.col.number"), r => r.RegistrationNumber, 12),
        new(() => Text.Get("register.col.applicant"), r => r.RepresentativeOf is { Length: > 0 } of ? $"{r.Applicant} ({Text.Get("register.onBehalfOf")} {of})" : r.Applicant, 28),
        new(() => Text.Get("register.col.phone"), r => r.Phone, 16),
        new(() => Text.Get("register.col.registeredAddress"), r => r.RegisteredAddress, 28),
        new(() => Text.Get("register.col.address"), r => r.Address, 28),
        new(() => Text.Get("register.col.substance"), r => r.Substance, 36),
        new(() => Text.Get("register.col.channel"), r => r.Channel, 14),
        new(() => Text.Get("register.col.kind"), r => r.Kind, 12),
        new(() => Text.Get("register.col.executor"), r => r.Executor, 22),
        new(() => Text.Get("register.col.due"), r => r.DueAt, 16),
        new(() => Text.Get("register.col.status"), r => r.Status, 16),
        new(() => Text.Get("register.col.result"), r => r.Result, 18),
    ]);
}
