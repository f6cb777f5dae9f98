using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.UnifiedSystem;

/// <summary>National Unified System / 1545 (F2.7): import of cards (JSON, CSV export) with a preview, export back (JSON, XLSX).</summary>
public static class UnifiedSystemApi
{
    public static IServiceCollection AddUnifiedSystem(this IServiceCollection services)
    {
        services.AddOptions<UnifiedSystemOptions>().BindConfiguration(UnifiedSystemOptions.Section);
        services.AddScoped<UnifiedImport>();
        services.AddScoped<UnifiedExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapUnifiedSystemEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/unified-system").WithTags("Unified System").RequireAuthorization();

        g.MapPost("/cards", async (UnifiedImportRequest body, bool? preview, UnifiedImport import, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await import.ImportJsonAsync(body, preview == true, http.Actor(), ct)))
            .WithName("ImportUnifiedCards")
            .WithSummary("Imports Unified System cards {cards:[{externalNumber, source, priority, status, createdAt, topic, content, applicant:{fullName, address, phone, email, socialStatus, privilegeCategory}, dueAt, kind}]}; ?preview=true validates and writes nothing. Idempotent by externalNumber.");

        g.MapPost("/csv", async (bool? preview, UnifiedImport import, HttpContext http, CancellationToken ct) =>
            {
                var bytes = await ReadBodyAsync(http, ct);
                return TypedResults.Ok(await import.ImportCsvAsync(bytes, preview == true, http.Actor(), ct));
            })
            .Accepts<string>("text/csv", "application/octet-stream")
            .DisableAntiforgery()
            .WithName("ImportUnifiedCsv")
            .WithSummary("Imports the CSV export (Windows-1251 or UTF-8, ';'-separated, header line: «Джерело», «Пріоритет», «№ звернення», «Статус», «Створено», «Питання», «Зміст», «Заявник», «Адреса», «Телефон», «Вирішити до»); ?preview=true writes nothing.");

        g.MapGet("/export", async (DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset? changedSince, int? limit, UnifiedExport export, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await export.RowsAsync(new UnifiedExportQuery(from, to, changedSince, limit), http.Actor(), ct)))
            .WithName("ExportUnifiedCards")
            .WithSummary("Status, answer date and text, outgoing number, result and feedback of appeals from the Unified System; from/to filter the received time, changedSince the last change.");

        g.MapGet("/export.xlsx", async (DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset? changedSince, int? limit, UnifiedExport export, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var rows = await export.RowsAsync(new UnifiedExportQuery(from, to, changedSince, limit), http.Actor(), ct);
                return TypedResults.File(export.ToXlsx(rows), XlsxContentType, UnifiedExport.FileName(time.GetUtcNow()));
            })
            .WithName("ExportUnifiedCardsXlsx")
            .WithSummary("The same export as an XLSX spreadsheet.");
        return app;
    }

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<byte[]> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > UnifiedCsv.MaxBytes)
                throw AppValidationException.For("file", Text.Get("import.tooLarge", UnifiedCsv.MaxBytes / 1024 / 1024));
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
