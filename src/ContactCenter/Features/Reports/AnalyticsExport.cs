using ContactCenter.Features.Analytics;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Export;

namespace ContactCenter.Features.Reports;

/// <summary>
/// CSV and XLSX of the analytics lists (issue 8): the executor rating, the operator statistics and the spike signals,
/// from the same views the JSON endpoints answer with (<see cref="AnalyticsQueries"/>), through <see cref="TableExport"/>.
/// </summary>
public static class AnalyticsExport
{
    /// <summary>Empty <c>format=</c> is JSON; csv and xlsx are files; anything else is a 400 on "format".</summary>
    public static ExportFormat Parse(string? format) => TableExport.ParseFormat(format, ExportFormat.Json, ExportFormat.Csv, ExportFormat.Xlsx);

    public static IResult Rating(ExportFormat format, RatingView view, DateTimeOffset now) =>
        TableExport.Result(format, RatingTable, TableExport.FromList(view.Rows), TableExport.FileName("rating", format, now),
            view.Day is { } d ? $"{Text.Get("export.rating.sheet")}: {d:dd.MM.yyyy}" : Text.Get("export.rating.sheet"), CancellationToken.None);

    public static IResult Operators(ExportFormat format, IReadOnlyList<OperatorStatsView> rows, DateOnly from, DateOnly to, DateTimeOffset now) =>
        TableExport.Result(format, OperatorsTable, TableExport.FromList(rows), TableExport.FileName("operators", format, now),
            $"{Text.Get("export.col.operator")}: {from:dd.MM.yyyy} – {to:dd.MM.yyyy}", CancellationToken.None);

    public static IResult Spikes(ExportFormat format, IReadOnlyList<SpikeView> rows, DateTimeOffset now) =>
        TableExport.Result(format, SpikesTable, TableExport.FromList(rows), TableExport.FileName("spikes", format, now), null, CancellationToken.None);

    public static ExportTable<RatingRowView> RatingTable { get; } = new("rating",
    [
        new(() => Text.Get("export.col.rank"), r => r.Rank, 8),
        new(() => Text.Get("report.col.executor"), r => r.Executor, 40),
        new(() => Text.Get("export.col.score"), r => r.Score, 10),
        new(() => Text.Get("report.col.closed"), r => r.Closed, 12),
        new(() => Text.Get("report.col.onTime"), r => r.ClosedOnTime, 12),
        new(() => Text.Get("export.col.executed"), r => r.Executed, 12),
        new(() => Text.Get("export.col.confirmed"), r => r.Confirmed, 14),
        new(() => Text.Get("export.col.rated"), r => r.Rated, 10),
        new(() => Text.Get("report.col.onTimeShare"), r => r.OnTimeShare, 12),
        new(() => Text.Get("export.col.executedShare"), r => r.ExecutedShare, 12),
        new(() => Text.Get("export.col.confirmedShare"), r => r.ConfirmedShare, 14),
        new(() => Text.Get("export.col.executionSpeed"), r => r.ExecutionSpeed, 14),
        new(() => Text.Get("export.col.explanationSpeed"), r => r.ExplanationSpeed, 14),
        new(() => Text.Get("export.col.satisfaction"), r => r.SatisfactionIndex, 14),
    ]);

    public static ExportTable<OperatorStatsView> OperatorsTable { get; } = new("operators",
    [
        new(() => Text.Get("export.col.operator"), r => r.Operator, 32),
        new(() => Text.Get("export.col.calls"), r => r.Calls, 14),
        new(() => Text.Get("export.col.appealsRegistered"), r => r.AppealsRegistered, 14),
        new(() => Text.Get("export.col.consultations"), r => r.Consultations, 14),
    ]);

    public static ExportTable<SpikeView> SpikesTable { get; } = new("spikes",
    [
        new(() => Text.Get("export.col.detectedAt"), r => TableExport.KyivTime(r.DetectedAt), 16),
        new(() => Text.Get("export.col.spikeKind"), r => Text.Get("export.spike." + r.Kind), 10),
        new(() => Text.Get("export.col.spikeSubject"), r => r.Label, 36),
        new(() => Text.Get("export.col.windowStart"), r => TableExport.KyivTime(r.WindowStart), 16),
        new(() => Text.Get("export.col.windowEnd"), r => TableExport.KyivTime(r.WindowEnd), 16),
        new(() => Text.Get("report.col.count"), r => r.Count, 10),
        new(() => Text.Get("export.col.baseline"), r => r.Baseline, 10),
        new(() => Text.Get("export.col.appeals"), r => string.Join(", ", r.Appeals), 50),
    ]);
}
