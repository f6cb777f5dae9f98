using System.Globalization;
using System.Text;
using ClosedXML.Excel;
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
/// Writes tables as CSV (UTF-8 with BOM, «;», CRLF — what Excel opens with a Ukrainian locale) or XLSX (ClosedXML).
/// CSV streams row by row; XLSX is built in memory (the format is a zip written at the end), so it is capped at
/// <see cref="MaxXlsxRows"/> rows and a larger list must be exported as CSV.
/// </summary>
public static class TableExport
{
    public const int MaxXlsxRows = 100_000;
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
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(';', table.Columns.Select(c => Csv(c.Header()))));
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(';', table.Columns.Select(c => Csv(CsvText(c.Value(row))))));
            if (++n % 1000 == 0)
                await writer.FlushAsync(ct);
        }
    }

    public static Task WriteCsvAsync<T>(Stream stream, ExportTable<T> table, IEnumerable<T> rows, CancellationToken ct) =>
        WriteCsvAsync(stream, table, rows.ToAsyncEnumerable(), ct);

    /// <summary>Builds the workbook (one sheet per table) and saves it to <paramref name="stream"/>.</summary>
    public static async Task WriteXlsxAsync<T>(Stream stream, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct, string? title = null)
    {
        using var workbook = new XLWorkbook();
        await AddSheetAsync(workbook, table, rows, ct, title);
        await SaveAsync(workbook, stream, ct);
    }

    public static async Task SaveAsync(XLWorkbook workbook, Stream stream, CancellationToken ct)
    {
        // ClosedXML writes synchronously and needs a seekable stream; the response body is neither.
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    public static async Task AddSheetAsync<T>(XLWorkbook workbook, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct, string? title = null)
    {
        var sheet = workbook.Worksheets.Add(SafeSheetName(table.SheetName, workbook));
        var r = 1;
        if (title is not null)
        {
            sheet.Cell(r, 1).Value = title;
            sheet.Cell(r, 1).Style.Font.Bold = true;
            r += 2;
        }
        var headerRow = r;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var cell = sheet.Cell(r, c + 1);
            cell.SetValue(table.Columns[c].Header());
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Column(c + 1).Width = table.Columns[c].Width ?? 16;
        }
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++count > MaxXlsxRows)
                throw AppValidationException.For("format", Text.Get("export.xlsxTooLarge", MaxXlsxRows));
            r++;
            for (var c = 0; c < table.Columns.Count; c++)
                SetCell(sheet.Cell(r, c + 1), table.Columns[c].Value(row));
        }
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, Math.Max(r, headerRow), table.Columns.Count).SetAutoFilter();
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                // SetValue on a string never guesses a number or a formula (a phone "+380…" stays text).
                cell.SetValue(s);
                return;
            case DateTimeOffset d:
                cell.SetValue(d.DateTime);
                cell.Style.DateFormat.Format = DateTimeFormat;
                return;
            case DateOnly d:
                cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = DateFormat;
                return;
            case int i:
                cell.SetValue(i);
                return;
            case long l:
                cell.SetValue(l);
                return;
            case double x:
                cell.SetValue(x);
                return;
            case decimal m:
                cell.SetValue(m);
                return;
            case bool b:
                cell.SetValue(b ? Text.Get("export.yes") : Text.Get("export.no"));
                return;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.CurrentCulture) ?? "");
                return;
        }
    }

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

    /// <summary>The HTTP result: streamed CSV or a built XLSX, as a download.</summary>
    public static IResult Result<T>(ExportFormat format, ExportTable<T> table, IAsyncEnumerable<T> rows, string fileName, string? title, CancellationToken ct) =>
        format switch
        {
            ExportFormat.Csv => Results.Stream(s => WriteCsvAsync(s, table, rows, ct), CsvContentType, fileName),
            ExportFormat.Xlsx => new XlsxResult(async c =>
            {
                var workbook = new XLWorkbook();
                try
                {
                    await AddSheetAsync(workbook, table, rows, c, title);
                    return workbook;
                }
                catch
                {
                    workbook.Dispose();
                    throw;
                }
            }, fileName),
            _ => throw new InvalidOperationException($"{format} is not a table format"),
        };

    private static string SafeSheetName(string name, XLWorkbook workbook)
    {
        var clean = new string(name.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch).ToArray()).Trim();
        if (clean.Length > 31)
            clean = clean[..31];
        if (clean.Length == 0)
            clean = "Sheet";
        var candidate = clean;
        for (var i = 2; workbook.Worksheets.Contains(candidate); i++)
            candidate = (clean.Length > 27 ? clean[..27] : clean) + " " + i.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    private static async IAsyncEnumerable<T> ToAsyncEnumerable<T>(this IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}

/// <summary>
/// Builds the workbook before a byte is sent, so a too-large list or a bad filter is still a ProblemDetails answer,
/// then writes it as a download.
/// </summary>
public sealed class XlsxResult(Func<CancellationToken, Task<XLWorkbook>> build, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        using var buffer = new MemoryStream();
        using (var workbook = await build(ct))
            workbook.SaveAs(buffer);
        http.Response.ContentType = TableExport.XlsxContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }
}
