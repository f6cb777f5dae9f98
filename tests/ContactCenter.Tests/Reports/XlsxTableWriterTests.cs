using System.Globalization;
using ClosedXML.Excel;
using ContactCenter.Infrastructure.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ContactCenter.Tests.Reports;

/// <summary>
/// The streaming XLSX writer on its own (no database): the file is read back with the Open XML SDK (row count, cell
/// types, styles, frozen header) and with ClosedXML (what a spreadsheet program sees), and a table larger than the old
/// 100,000-row cap comes out whole.
/// </summary>
public sealed class XlsxTableWriterTests
{
    private sealed record Line(int N, string Name, DateTimeOffset At, DateOnly Day, double? Share, bool Flag, string? Empty);

    private static readonly ExportTable<Line> Table = new("Реєстр: 2026/[тест]",
    [
        new(() => "№", l => l.N, 6),
        new(() => "Заявник", l => l.Name),
        new(() => "Надійшло", l => l.At),
        new(() => "День", l => l.Day),
        new(() => "Частка", l => l.Share),
        new(() => "Так/ні", l => l.Flag),
        new(() => "Порожньо", l => l.Empty),
    ]);

    private static async IAsyncEnumerable<Line> LinesAsync(int count)
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.FromHours(2));
        for (var i = 1; i <= count; i++)
        {
            if (i % 5000 == 0)
                await Task.Yield();
            yield return new Line(i, "Шевченко Тарас " + i.ToString(CultureInfo.InvariantCulture), start.AddMinutes(i), new DateOnly(2026, 3, 1).AddDays(i % 30),
                i % 2 == 0 ? i / 4.0 : null, i % 3 == 0, null);
        }
    }

    [Fact]
    public async Task CellsAreTyped_HeaderBoldAndFrozen_ReadsBackInClosedXml()
    {
        using var stream = new MemoryStream();
        var rows = LinesAsync(3);
        var written = await TableExport.WriteXlsxAsync(stream, Table, Prepend(new Line(0, "  пробіли \u0001керівний ", new DateTimeOffset(2025, 12, 31, 23, 59, 0, TimeSpan.FromHours(2)),
            new DateOnly(2025, 12, 31), 0.125, true, null), rows), CancellationToken.None, title: "Список звернень громадян");
        Assert.Equal(4, written);

        stream.Position = 0;
        using (var doc = SpreadsheetDocument.Open(stream, false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = Assert.Single(wb.Workbook.Sheets!.Elements<Sheet>());
            Assert.Equal("Реєстр  2026  тест", sheet.Name!.Value);
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            var pane = ws.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(3, pane.VerticalSplit!.Value);
            Assert.Equal("A3:G7", ws.GetFirstChild<AutoFilter>()!.Reference!.Value);
            var widths = ws.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
            Assert.Equal(7, widths.Count);
            Assert.Equal(6, widths[0]);
            Assert.InRange(widths[1], 18, 60); // sized from "Шевченко Тарас 1"

            var styles = wb.WorkbookStylesPart!.Stylesheet;
            var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
            var fonts = styles.Fonts!.Elements<Font>().ToList();
            var numFmts = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);

            var data = ws.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(new uint[] { 1, 3, 4, 5, 6, 7 }, data.Select(r => r.RowIndex!.Value));
            var header = data[1].Elements<Cell>().ToList();
            Assert.All(header, c => Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold));
            Assert.Equal("Заявник", header[1].InlineString!.InnerText);

            var first = data[2].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Null(first["A4"].DataType); // a number
            Assert.Equal("0", first["A4"].CellValue!.Text);
            Assert.Equal(CellValues.InlineString, first["B4"].DataType!.Value);
            Assert.Equal("  пробіли керівний ", first["B4"].InlineString!.InnerText);
            Assert.Equal(new DateTime(2025, 12, 31, 23, 59, 0).ToOADate(), double.Parse(first["C4"].CellValue!.Text, CultureInfo.InvariantCulture), 6);
            Assert.Equal("dd.mm.yyyy hh:mm", numFmts[formats[(int)first["C4"].StyleIndex!.Value].NumberFormatId!.Value]);
            Assert.Equal("dd.mm.yyyy", numFmts[formats[(int)first["D4"].StyleIndex!.Value].NumberFormatId!.Value]);
            Assert.Equal("0.125", first["E4"].CellValue!.Text);
            Assert.Equal("так", first["F4"].InlineString!.InnerText);
            Assert.False(first.ContainsKey("G4")); // null writes no cell
        }

        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var ws2 = book.Worksheets.Single();
        Assert.Equal("Список звернень громадян", ws2.Cell(1, 1).GetString());
        Assert.Equal("Надійшло", ws2.Cell(3, 3).GetString());
        Assert.Equal(new DateTime(2025, 12, 31, 23, 59, 0), ws2.Cell(4, 3).GetDateTime());
        Assert.Equal(new DateTime(2026, 3, 1, 9, 16, 0), ws2.Cell(5, 3).GetDateTime());
        Assert.Equal(new DateTime(2026, 3, 2), ws2.Cell(5, 4).GetDateTime());
        Assert.Equal(XLDataType.Number, ws2.Cell(5, 1).DataType);
        Assert.Equal(1, ws2.Cell(5, 1).GetValue<int>());
        Assert.Equal("Шевченко Тарас 3", ws2.Cell(7, 2).GetString());
        Assert.True(ws2.Cell(8, 1).IsEmpty());
    }

    [Fact]
    public async Task MoreRowsThanTheOldCap_AllWritten()
    {
        const int count = 100_001;
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
                Assert.Equal(count, await TableExport.WriteXlsxAsync(file, Table, LinesAsync(count), CancellationToken.None));

            // Read back with the SDK's SAX reader (a DOM of 700,000 cells is not needed to count them).
            using var doc = SpreadsheetDocument.Open(path, false);
            var part = doc.WorkbookPart!.WorksheetParts.Single();
            using var reader = OpenXmlReader.Create(part);
            var rows = 0;
            string? lastName = null;
            string? lastRef = null;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    rows++;
                if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    if (cell.CellReference!.Value!.StartsWith('B'))
                    {
                        lastName = cell.InlineString!.InnerText;
                        lastRef = cell.CellReference.Value;
                    }
                }
            }
            Assert.Equal(count + 1, rows); // header + every row
            Assert.Equal("Шевченко Тарас 100001", lastName);
            Assert.Equal("B100002", lastRef);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AFailingSource_ThrowsBeforeAnythingIsWritten()
    {
        using var stream = new MemoryStream();
        await Assert.ThrowsAsync<InvalidOperationException>(() => TableExport.WriteXlsxAsync(stream, Table, Failing(), CancellationToken.None));
        Assert.Equal(0, stream.Length);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnLetters(int index, string expected) => Assert.Equal(expected, XlsxTableWriter.ColumnLetters(index));

    private static async IAsyncEnumerable<Line> Failing()
    {
        await Task.Yield();
        throw new InvalidOperationException("refused");
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<Line> Prepend(Line first, IAsyncEnumerable<Line> rest)
    {
        yield return first;
        await foreach (var l in rest)
            yield return l;
    }
}
