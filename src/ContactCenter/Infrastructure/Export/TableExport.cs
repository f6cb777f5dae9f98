using System.Globalization;
using System.Text;
using ContactCenter.Infrastructure.Errors;

namespace ContactCenter.Infrastructure.Export;

public enum ExportFormat { Json, Csv, Xlsx, Pdf }

/// <summary>
/// One column of an exported table: a header in the user's language (resolved when the file is written, so the
/// request culture applies) and the cell value. Values are strings, numbers, booleans or Kyiv-local date-times;
/// the writers format them for CSV and type them in XLSX.
/// </summary>
public sealed record ExportColumn<T>(Func<string> Header, Func<T, object?> Value, double? Width = null);

/// <summary>A table definition: the same columns give the CSV and the XLSX (and the headers of a print page).</summary>
public sealed class ExportTable<T>(string sheetName, IReadOnlyList<ExportColumn<T>> columns)
{
    public string SheetName { get; } = sheetName;
    public IReadOnlyList<ExportColumn<T>> Columns { get; } = columns;
}

/// <summary>
/// Writes tables as CSV (UTF-8 with BOM, «;», CRLF — what Excel opens with a Ukrainian locale) or XLSX
/// (<see cref="XlsxTableWriter"/>, the Open XML SDK's streaming writer). Both stream row by row from the source with no
/// row cap of their own; XLSX stops only at a sheet's 1,048,576 rows (a 400 asking for CSV).
/// </summary>
public static class TableExport
{
    private static readonly TimeZoneInfo KyivZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    /// <summary>An instant as the community's local time, for date cells of an export.</summary>
    public static DateTimeOffset KyivTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, KyivZone);

    /// <summary>Rows already in memory (a small list or report) as the row source an export reads.</summary>
    public static async IAsyncEnumerable<T> FromList<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DateTimeFormat = "dd.MM.yyyy HH:mm";
    public const string DateFormat = "dd.MM.yyyy";

    /// <summary>Parses <c>format=</c>: empty is JSON; anything outside <paramref name="allowed"/> is a 400 on "format".</summary>
    public static ExportFormat ParseFormat(string? value, params ExportFormat[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
            return ExportFormat.Json;
        foreach (var f in allowed)
        {
            if (string.Equals(value.Trim(), f.ToString(), StringComparison.OrdinalIgnoreCase))
                return f;
        }
        throw AppValidationException.For("format", string.Join(" | ", allowed.Select(f => f.ToString().ToLowerInvariant())));
    }

    public static async Task WriteCsvAsync<T>(Stream stream, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        // The first row is asked for before a byte is written, so a refusal or a bad filter thrown by the source is
        // still a ProblemDetails answer rather than a cut download.
        await using var e = rows.WithCancellation(ct).GetAsyncEnumerator();
        var more = await e.MoveNextAsync();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(';', table.Columns.Select(c => Csv(c.Header()))));
        var n = 0;
        for (; more; more = await e.MoveNextAsync())
        {
            var row = e.Current;
            await writer.WriteLineAsync(string.Join(';', table.Columns.Select(c => Csv(CsvText(c.Value(row))))));
            if (++n % 1000 == 0)
                await writer.FlushAsync(ct);
        }
    }

    public static Task WriteCsvAsync<T>(Stream stream, ExportTable<T> table, IEnumerable<T> rows, CancellationToken ct) =>
        WriteCsvAsync(stream, table, rows.ToAsyncEnumerable(), ct);

    /// <summary>
    /// Writes the table as a one-sheet XLSX through <see cref="XlsxTableWriter"/> (streamed, typed cells). The stream is
    /// written synchronously: a file or a memory stream, not a response body (<see cref="Result{T}"/> goes through a
    /// temporary file).
    /// </summary>
    public static Task<long> WriteXlsxAsync<T>(Stream stream, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct, string? title = null) =>
        XlsxTableWriter.WriteAsync(stream, table, rows, title, ct);

    public static string CsvText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTimeOffset d => d.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? Text.Get("export.yes") : Text.Get("export.no"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    public static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>A file name with a timestamp: <c>appeals-20261124-1000.csv</c>.</summary>
    public static string FileName(string stem, ExportFormat format, DateTimeOffset now) =>
        $"{stem}-{now:yyyyMMdd-HHmm}.{format.ToString().ToLowerInvariant()}";

    /// <summary>The HTTP result: streamed CSV or a streamed XLSX (through a temporary file), as a download.</summary>
    public static IResult Result<T>(ExportFormat format, ExportTable<T> table, IAsyncEnumerable<T> rows, string fileName, string? title, CancellationToken ct) =>
        format switch
        {
            ExportFormat.Csv => Results.Stream(s => WriteCsvAsync(s, table, rows, ct), CsvContentType, fileName),
            ExportFormat.Xlsx => new XlsxResult((s, c) => XlsxTableWriter.WriteAsync(s, table, rows, title, c), fileName),
            _ => throw new InvalidOperationException($"{format} is not a table format"),
        };

    private static async IAsyncEnumerable<T> ToAsyncEnumerable<T>(this IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}

/// <summary>
/// Writes the workbook to a temporary file (deleted on close) before a byte is sent — so a too-large list or a bad filter
/// is still a ProblemDetails answer, the zip is written with synchronous I/O off the response, and the download carries
/// a Content-Length — then sends the file. Memory stays flat; the disk holds the compressed file (~30 MB for 300k rows).
/// </summary>
public sealed class XlsxResult(Func<Stream, CancellationToken, Task<long>> write, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var path = Path.Combine(Path.GetTempPath(), "cc-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, ct);
        file.Position = 0;
        http.Response.ContentType = TableExport.XlsxContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, ct);
    }
}
