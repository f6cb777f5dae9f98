using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Console;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Export;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Reports;

/// <summary>Reports (F9.2, F9.5): JSON for screens, CSV and XLSX for people, all from the same column definitions.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization();

        group.MapGet("/statutory", async (string? period, DateOnly? from, DateOnly? to, string? format,
            StatutoryReport report, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var f = TableExport.ParseFormat(format, ExportFormat.Json, ExportFormat.Csv, ExportFormat.Xlsx);
            var view = await report.BuildAsync(Period(period, from, to, calendar, time), http.Actor(), ct);
            return f == ExportFormat.Json
                ? Results.Ok(view)
                : TableExport.Result(f, StatutoryTable, StatutoryRows(view).ToAsync(), TableExport.FileName("statutory-report", f, time.GetUtcNow()),
                    $"{Text.Get("report.statutory.title")}: {view.Period}", ct);
        })
        .WithName("StatutoryReport")
        .WithSummary("Statistical report by the classifier sections for a period (period=2026, 2026-H1, 2026-Q3, 2026-11, or from/to); format=csv|xlsx.")
        .Produces<StatutoryReportView>();

        group.MapGet("/discipline", async (string? period, DateOnly? from, DateOnly? to, string? format,
            DisciplineReport report, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var f = TableExport.ParseFormat(format, ExportFormat.Json, ExportFormat.Csv, ExportFormat.Xlsx);
            var view = await report.BuildAsync(Period(period, from, to, calendar, time), http.Actor(), ct);
            return f == ExportFormat.Json
                ? Results.Ok(view)
                : TableExport.Result(f, DisciplineTable, view.Rows.Append(view.Total).ToAsync(), TableExport.FileName("discipline-report", f, time.GetUtcNow()),
                    $"{Text.Get("report.discipline.title")}: {view.Period}", ct);
        })
        .WithName("DisciplineReport")
        .WithSummary("Executive discipline per executor for a period: received, closed on time, late, extended, open and overdue now; format=csv|xlsx.")
        .Produces<DisciplineReportView>();

        group.MapGet("/register", async (string? period, DateOnly? from, DateOnly? to, string? format,
            AppealRegister register, CalendarService calendar, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var f = TableExport.ParseFormat(format, ExportFormat.Json, ExportFormat.Csv, ExportFormat.Xlsx);
            var p = Period(period, from, to, calendar, time);
            var actor = http.Actor();
            AppealRegister.EnsureCanRead(actor);
            if (f == ExportFormat.Json)
            {
                var rows = new List<RegisterRow>();
                await foreach (var r in register.RowsAsync(p, actor, "json", AppealRegister.MaxPrintRows + 1, ct))
                    rows.Add(r);
                var truncated = rows.Count > AppealRegister.MaxPrintRows;
                return Results.Ok(new { period = p.Label, p.From, p.To, truncated, items = rows.Take(AppealRegister.MaxPrintRows) });
            }
            return TableExport.Result(f, AppealRegister.Table, register.RowsAsync(p, actor, f.ToString().ToLowerInvariant(), null, ct),
                TableExport.FileName("register", f, time.GetUtcNow()), $"{Text.Get("register.title")}: {p.Label}", ct);
        })
        .WithName("AppealRegister")
        .WithSummary("The register of appeals (002 Додаток 3) for a period; hidden identities masked; audited. format=csv|xlsx.");

        return app;
    }

    public static ReportPeriod Period(string? period, DateOnly? from, DateOnly? to, CalendarService calendar, TimeProvider time) =>
        ReportPeriod.Parse(period, from, to, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone).DateTime));

    public sealed record StatutoryLine(string Section, string Indicator, int Count, double? Share, bool IsTotal);

    public static IEnumerable<StatutoryLine> StatutoryRows(StatutoryReportView view)
    {
        foreach (var s in view.Sections)
        {
            yield return new StatutoryLine(s.Title, Text.Get("report.unit." + s.Unit), s.Total, null, true);
            foreach (var r in s.Rows)
                yield return new StatutoryLine(s.Title, r.Label, r.Count, r.Share, false);
        }
    }

    public static ExportTable<StatutoryLine> StatutoryTable { get; } = new("statutory",
    [
        new(() => Text.Get("report.col.section"), r => r.Section, 34),
        new(() => Text.Get("report.col.indicator"), r => r.Indicator, 40),
        new(() => Text.Get("report.col.count"), r => r.Count, 12),
        new(() => Text.Get("report.col.share"), r => r.Share, 10),
    ]);

    public static ExportTable<DisciplineRow> DisciplineTable { get; } = new("discipline",
    [
        new(() => Text.Get("report.col.executor"), r => r.Executor, 40),
        new(() => Text.Get("report.col.received"), r => r.Received, 12),
        new(() => Text.Get("report.col.closed"), r => r.Closed, 12),
        new(() => Text.Get("report.col.onTime"), r => r.ClosedOnTime, 12),
        new(() => Text.Get("report.col.late"), r => r.ClosedLate, 12),
        new(() => Text.Get("report.col.extended"), r => r.Extended, 12),
        new(() => Text.Get("report.col.open"), r => r.OpenNow, 12),
        new(() => Text.Get("report.col.overdue"), r => r.OverdueNow, 12),
        new(() => Text.Get("report.col.onTimeShare"), r => r.OnTimeShare, 12),
    ]);

    /// <summary>The appeal list as exported by <c>GET /api/v1/appeals?format=csv|xlsx</c>.</summary>
    public static ExportTable<AppealListItem> AppealListTable { get; } = new("appeals",
    [
        new(() => Text.Get("register.col.number"), r => r.RegistrationNumber, 12),
        new(() => Text.Get("register.col.received"), r => r.ReceivedAt, 16),
        new(() => Text.Get("register.col.status"), r => Text.Status(r.Status), 16),
        new(() => Text.Get("register.col.due"), r => r.DueAt, 16),
        new(() => Text.Get("export.col.overdue"), r => r.Overdue, 10),
        new(() => Text.Get("register.col.channel"), r => T.Enum(r.Channel), 14),
        new(() => Text.Get("register.col.kind"), r => T.Enum(r.Kind), 12),
        new(() => Text.Get("export.col.priority"), r => Text.Get("export.priority." + r.Priority), 12),
        new(() => Text.Get("export.col.category"), r => r.CategoryCode, 20),
        new(() => Text.Get("register.col.executor"), r => r.Executor?.Name, 26),
        new(() => Text.Get("register.col.applicant"), r => r.Applicant.FullName, 28),
        new(() => Text.Get("register.col.phone"), r => r.Applicant.Phone, 16),
        new(() => Text.Get("export.col.email"), r => r.Applicant.Email, 22),
        new(() => Text.Get("register.col.address"), r => r.Applicant.Address, 28),
        new(() => Text.Get("register.col.substance"), r => r.Description, 50),
        new(() => Text.Get("export.col.questions"), r => r.QuestionCount, 8),
    ]);

    private static async IAsyncEnumerable<T> ToAsync<T>(this IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}
