using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Export;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Reports;

/// <summary>
/// <c>GET /api/v1/appeals?…&amp;format=csv|xlsx</c>: the whole search result (same filters as the JSON list) through
/// <see cref="ReportsApi.AppealListTable"/>. <see cref="AppealQueries.ExportAsync"/> masks every hidden identity (R12)
/// and audits the export.
/// </summary>
public static class AppealListExport
{
    public static IResult Result(ExportFormat format, AppealSearch search, AppealQueries queries, HttpContext http, CancellationToken ct)
    {
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var rows = queries.ExportAsync(search, http.Actor(), ct, format.ToString().ToLowerInvariant());
        return TableExport.Result(format, ReportsApi.AppealListTable, rows, TableExport.FileName("appeals", format, time.GetUtcNow()), null, ct);
    }
}
