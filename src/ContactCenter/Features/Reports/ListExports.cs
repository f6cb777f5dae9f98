using ContactCenter.Features.Console;
using ContactCenter.Features.Outages;
using ContactCenter.Features.Telephony;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Export;

namespace ContactCenter.Features.Reports;

/// <summary>
/// CSV and XLSX of the outage list and the call log / call-back queue (issue 8), from the same views their JSON
/// endpoints answer with, through <see cref="TableExport"/>. Times are Kyiv-local.
/// </summary>
public static class ListExports
{
    public static IResult Outages(ExportFormat format, IReadOnlyList<OutageView> rows, DateTimeOffset now) =>
        TableExport.Result(format, OutagesTable, TableExport.FromList(rows), TableExport.FileName("outages", format, now), null, CancellationToken.None);

    public static IResult Calls(ExportFormat format, IReadOnlyList<CallView> rows, DateTimeOffset now) =>
        TableExport.Result(format, CallsTable, TableExport.FromList(rows), TableExport.FileName("calls", format, now), null, CancellationToken.None);

    public static ExportTable<OutageView> OutagesTable { get; } = new("outages",
    [
        new(() => Text.Get("export.col.id"), o => o.Id, 8),
        new(() => Text.Get("export.col.outageType"), o => T.Enum(o.Type), 16),
        new(() => Text.Get("export.col.outageKind"), o => T.Enum(o.Kind), 14),
        new(() => Text.Get("register.col.status"), o => T.Enum(o.Status), 14),
        new(() => Text.Get("export.col.starts"), o => TableExport.KyivTime(o.StartsAt), 16),
        new(() => Text.Get("export.col.expectedEnd"), o => o.ExpectedEndAt is { } at ? TableExport.KyivTime(at) : null, 16),
        new(() => Text.Get("export.col.closedAt"), o => o.ClosedAt is { } at ? TableExport.KyivTime(at) : null, 16),
        new(() => Text.Get("report.col.executor"), o => o.Executor.Name, 30),
        new(() => Text.Get("export.col.information"), o => o.Information, 50),
        new(() => Text.Get("export.col.buildings"), o => o.CoveredBuildings, 10),
    ]);

    public static ExportTable<CallView> CallsTable { get; } = new("calls",
    [
        new(() => Text.Get("export.col.callStarted"), c => c.StartedAt is { } at ? TableExport.KyivTime(at) : null, 16),
        new(() => Text.Get("register.col.phone"), c => c.Phone, 16),
        new(() => Text.Get("export.col.operator"), c => c.Operator, 24),
        new(() => Text.Get("export.col.queue"), c => c.Queue, 12),
        new(() => Text.Get("export.col.answered"), c => c.AnsweredAt is { } at ? TableExport.KyivTime(at) : null, 16),
        new(() => Text.Get("export.col.ended"), c => c.EndedAt is { } at ? TableExport.KyivTime(at) : null, 16),
        new(() => Text.Get("export.col.missed"), c => c.Missed, 10),
        new(() => Text.Get("export.col.callback"), c => c.Missed ? T.Enum(c.Callback.State) : null, 14),
        new(() => Text.Get("export.col.appeals"), c => string.Join(", ", c.Appeals), 30),
    ]);
}
