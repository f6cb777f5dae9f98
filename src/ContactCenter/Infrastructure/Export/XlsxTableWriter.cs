using System.Globalization;
using System.IO.Packaging;
using System.Text;
using ContactCenter.Infrastructure.Errors;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ContactCenter.Infrastructure.Export;

/// <summary>
/// Writes one table as a one-sheet XLSX with the Open XML SDK's SAX-style <see cref="OpenXmlWriter"/>, row by row as the
/// rows arrive: the package is opened write-only (a streaming zip), every part is written once and closed, and no cell
/// is kept after it is written, so memory does not grow with the row count. Cells are typed: numbers as numbers, dates
/// as date serials with a <c>dd.mm.yyyy[ hh:mm]</c> format, text as inline strings (no shared-string table to hold);
/// the header row is bold, wrapped, frozen and carries an auto-filter; column widths come from the table or, when it
/// gives none, from the header and the first <see cref="WidthSampleRows"/> rows.
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>The rows of one Excel sheet (1,048,576) — the only cap of an XLSX export.</summary>
    public const int SheetRowLimit = 1_048_576;

    public const int WidthSampleRows = 100;

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32_767;

    private const string RelationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    // Cell formats (cellXfs) of the stylesheet written below.
    private const uint StyleHeader = 1, StyleDateTime = 2, StyleDate = 3, StyleTitle = 4;

    /// <summary>
    /// Writes the workbook to <paramref name="stream"/> (written synchronously: give it a file or a memory stream, not a
    /// response body) and returns the number of data rows. More rows than a sheet holds is a 400 on "format".
    /// </summary>
    public static async Task<long> WriteAsync<T>(Stream stream, ExportTable<T> table, IAsyncEnumerable<T> rows, string? title, CancellationToken ct)
    {
        var columns = table.Columns;
        var headerRow = title is null ? 1 : 3;
        var maxRows = SheetRowLimit - headerRow;

        await using var e = rows.WithCancellation(ct).GetAsyncEnumerator();
        // The first rows come before a byte is written: a bad filter or a refusal thrown by the source is still an
        // error answer, and the sample sizes the columns that have no width of their own.
        var sample = new List<T>();
        var more = true;
        while (sample.Count < WidthSampleRows && (more = await e.MoveNextAsync()))
            sample.Add(e.Current);
        var widths = Widths(columns, sample);

        var sheetName = SafeSheetName(table.SheetName);
        // The SDK's typed package needs read access, which makes the zip buffer every entry in memory until it is
        // saved; so the package is System.IO.Packaging's write-only (streaming) one and the SDK writes each part's XML.
        using var package = Package.Open(new NonClosingStream(stream), FileMode.Create, FileAccess.Write);
        // In a streaming zip one entry is written at a time: each part is created, written and closed before the next,
        // and the relationships (their own parts) are written when the package closes.
        const string sheetRel = "rId1";
        // Fast deflate: the sheet is most of the work. Measured on 300,000 register rows the file is 40.5 MiB instead
        // of 25.1 MiB at the default level (docs/benchmarks.md); CompressionOption.Normal trades time for the smaller file.
        var sheetPart = package.CreatePart(new Uri("/xl/worksheets/sheet1.xml", UriKind.Relative),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", CompressionOption.Fast);

        long count = 0;
        var lastRow = headerRow;
        using (var part = sheetPart.GetStream(FileMode.Create, FileAccess.Write))
        using (var w = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement(new Worksheet());
            var freezeAt = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture);
            w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = freezeAt, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = freezeAt, SequenceOfReferences = new ListValue<StringValue> { InnerText = freezeAt } })
            { WorkbookViewId = 0U }));
            var cols = new Columns();
            for (var c = 0; c < columns.Count; c++)
                cols.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
            w.WriteElement(cols);

            w.WriteStartElement(new SheetData());
            var letters = Enumerable.Range(0, columns.Count).Select(ColumnLetters).ToArray();
            if (title is not null)
            {
                StartRow(w, 1);
                WriteText(w, "A1", title, StyleTitle);
                w.WriteEndElement();
            }
            StartRow(w, headerRow);
            for (var c = 0; c < columns.Count; c++)
                WriteText(w, letters[c] + headerRow.ToString(CultureInfo.InvariantCulture), columns[c].Header(), StyleHeader);
            w.WriteEndElement();

            void Write(T row)
            {
                if (++count > maxRows)
                    throw AppValidationException.For("format", Text.Get("export.xlsxTooLarge", maxRows));
                lastRow++;
                var r = lastRow.ToString(CultureInfo.InvariantCulture);
                StartRow(w, lastRow);
                for (var c = 0; c < columns.Count; c++)
                    WriteCell(w, letters[c] + r, columns[c].Value(row));
                w.WriteEndElement();
            }

            foreach (var row in sample)
                Write(row);
            sample.Clear();
            while (more && await e.MoveNextAsync())
                Write(e.Current);

            w.WriteEndElement(); // sheetData
            var lastCol = letters.Length == 0 ? "A" : letters[^1];
            w.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{lastCol}{lastRow}" });
            w.WriteEndElement(); // worksheet
            w.Close();
        }

        var stylesPart = package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", CompressionOption.Normal);
        using (var part = stylesPart.GetStream(FileMode.Create, FileAccess.Write))
        using (var w = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            w.WriteStartDocument(true);
            w.WriteElement(Styles());
            w.Close();
        }

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbookPart = package.CreatePart(workbookUri, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", CompressionOption.Normal);
        using (var part = workbookPart.GetStream(FileMode.Create, FileAccess.Write))
        using (var w = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            var lastCol = columns.Count == 0 ? "A" : ColumnLetters(columns.Count - 1);
            w.WriteStartDocument(true);
            w.WriteElement(new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = sheetRel }),
                new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A${headerRow}:${lastCol}${lastRow}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true })));
            w.Close();
        }
        package.CreateRelationship(workbookUri, TargetMode.Internal, RelationshipBase + "officeDocument", "rId1");
        workbookPart.CreateRelationship(new Uri("worksheets/sheet1.xml", UriKind.Relative), TargetMode.Internal, RelationshipBase + "worksheet", sheetRel);
        workbookPart.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, RelationshipBase + "styles", "rId2");
        return count;
    }

    private static void StartRow(OpenXmlWriter w, long index) =>
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture))]);

    private static void WriteCell(OpenXmlWriter w, string reference, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                WriteText(w, reference, s, null);
                return;
            case DateTimeOffset d:
                WriteNumber(w, reference, d.DateTime.ToOADate(), StyleDateTime);
                return;
            case DateTime d:
                WriteNumber(w, reference, d.ToOADate(), StyleDateTime);
                return;
            case DateOnly d:
                WriteNumber(w, reference, d.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate);
                return;
            case bool b:
                WriteText(w, reference, b ? Text.Get("export.yes") : Text.Get("export.no"), null);
                return;
            case int or long or short or byte or uint or ulong or ushort or decimal:
                WriteRawNumber(w, reference, ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), null);
                return;
            case double x:
                if (double.IsFinite(x))
                    WriteNumber(w, reference, x, null);
                return;
            case float x:
                if (float.IsFinite(x))
                    WriteNumber(w, reference, x, null);
                return;
            default:
                WriteText(w, reference, Convert.ToString(value, CultureInfo.CurrentCulture) ?? "", null);
                return;
        }
    }

    private static void WriteNumber(OpenXmlWriter w, string reference, double value, uint? style) =>
        WriteRawNumber(w, reference, value.ToString("R", CultureInfo.InvariantCulture), style);

    // Cells are written as start/end elements with attribute lists over these empty prototypes (the writer takes only
    // their names), not as one element object per cell: 300,000 rows × 14 cells would be millions of DOM objects.
    private static readonly Cell CellTag = new();
    private static readonly CellValue ValueTag = new();
    private static readonly InlineString InlineTag = new();
    private static readonly CellText TextTag = new();
    private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private static void WriteRawNumber(OpenXmlWriter w, string reference, string value, uint? style)
    {
        w.WriteStartElement(CellTag, style is { } s
            ? [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture))]
            : [new OpenXmlAttribute("r", "", reference)]);
        w.WriteStartElement(ValueTag);
        w.WriteString(value);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>An inline string; characters XML cannot carry are dropped and the text is cut to Excel's cell limit.</summary>
    private static void WriteText(OpenXmlWriter w, string reference, string text, uint? style)
    {
        text = XmlSafe(text);
        if (text.Length > MaxCellText)
            text = text[..MaxCellText];
        w.WriteStartElement(CellTag, style is { } s
            ? [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture)), InlineType]
            : [new OpenXmlAttribute("r", "", reference), InlineType]);
        w.WriteStartElement(InlineTag);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            w.WriteStartElement(TextTag, [PreserveSpace]);
        else
            w.WriteStartElement(TextTag);
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string XmlSafe(string text)
    {
        var bad = false;
        for (var i = 0; i < text.Length && !bad; i++)
            bad = !IsXmlChar(text, i);
        if (!bad)
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (IsXmlChar(text, i))
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }

    private static bool IsXmlChar(string text, int i)
    {
        var ch = text[i];
        if (char.IsHighSurrogate(ch))
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(ch))
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        return ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
    }

    /// <summary>The table's width, else the longest of the header (wrapped, so half of it) and the sampled texts, 8–60.</summary>
    private static double[] Widths<T>(IReadOnlyList<ExportColumn<T>> columns, List<T> sample)
    {
        var widths = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Width is { } given)
            {
                widths[c] = given;
                continue;
            }
            var longest = Math.Min(columns[c].Header().Length, 24);
            foreach (var row in sample)
            {
                var len = columns[c].Value(row) switch
                {
                    null => 0,
                    DateTimeOffset or DateTime => 16,
                    DateOnly => 10,
                    var v => TableExport.CsvText(v).Length,
                };
                longest = Math.Max(longest, len);
            }
            widths[c] = Math.Clamp(longest + 2, 8, 60);
        }
        return widths;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "dd.mm.yyyy hh:mm" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "dd.mm.yyyy" })
        { Count = 2U },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true })
        { Count = 5U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    public static string SafeSheetName(string name)
    {
        var clean = new string(name.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch).ToArray()).Trim().Trim('\'');
        if (clean.Length > 31)
            clean = clean[..31];
        return clean.Length == 0 ? "Sheet" : clean;
    }

    /// <summary>The package closes the stream it is given; the caller still needs it (to send the file).</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
