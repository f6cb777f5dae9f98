using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Reports;

/// <summary>
/// Exports through the API, read back (issue 8): the register of a period as streamed XLSX (typed cells, a date cell
/// with a date format, Ukrainian text, every row), administration lists and analytics lists as XLSX and CSV, and a bad
/// <c>format=</c> as a 400 ProblemDetails. The register fixture is received in 2021, a year no other test uses.
/// </summary>
public abstract class ExportsTests<TApp>(TApp app) where TApp : AppFixture
{
    private const int RegisterRows = 57;
    private static readonly TimeSpan Winter = TimeSpan.FromHours(2);

    private async Task SeedRegisterAsync()
    {
        if (await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.RegistrationNumber.StartsWith("XL-"))))
            return;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < RegisterRows; i++)
            {
                var at = new DateTimeOffset(2021, 2, 1, 8, 0, 0, Winter).AddHours(i);
                db.Appeals.Add(new Appeal
                {
                    RegistrationNumber = $"XL-{i:000}-" + Guid.NewGuid().ToString("N")[..6],
                    ReceivedAt = at.ToUniversalTime(),
                    RegisteredAt = at.ToUniversalTime(),
                    UpdatedAt = at.ToUniversalTime(),
                    DueAt = at.AddDays(15).ToUniversalTime(),
                    Channel = Channel.Phone,
                    Kind = AppealKind.Complaint,
                    Form = AppealForm.Oral,
                    Applicant = new Applicant { FullName = $"Ґалаґан Євгенія Її {i}", Phone = "+38067000" + i.ToString("0000", CultureInfo.InvariantCulture), Address = "вул. Січових Стрільців, 5" },
                    Description = "Не працює вуличне освітлення: «ліхтар» №" + i.ToString(CultureInfo.InvariantCulture),
                    SearchText = "освітлення",
                    Status = AppealStatus.InProgress,
                    Questions =
                    [
                        new Question
                        {
                            Number = 1, CategoryCode = "utilities.water", Description = "Питання", ReviewTrackCode = "simple", Status = AppealStatus.InProgress,
                        },
                    ],
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }

    [Fact]
    public async Task Register_Xlsx_EveryRowTypedCells_DateFormat_UkrainianText()
    {
        await SeedRegisterAsync();

        using var response = await app.Admin().GetAsync("/api/v1/reports/register?period=2021&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single();
            Assert.Equal("register", sheet.Name!.Value);
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            var rows = ws.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(RegisterRows + 2, rows.Count); // title, header, the rows
            Assert.StartsWith("Список звернень громадян", rows[0].InnerText, StringComparison.Ordinal);
            var header = rows[1].Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
            Assert.Equal(14, header.Count);
            Assert.Equal("Дата і час надходження", header[1]);
            Assert.Equal(3, (int)ws.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!.VerticalSplit!.Value);

            var first = rows[2].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Null(first["A4"].DataType); // № as a number
            Assert.Equal("1", first["A4"].CellValue!.Text);
            Assert.Null(first["B4"].DataType); // a date serial
            var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            var numFmt = formats[(int)first["B4"].StyleIndex!.Value].NumberFormatId!.Value;
            Assert.Equal("dd.mm.yyyy hh:mm", wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == numFmt).FormatCode!.Value);
            Assert.Equal(CellValues.InlineString, first["D4"].DataType!.Value);
            Assert.Equal("Ґалаґан Євгенія Її 0", first["D4"].InlineString!.InnerText);
        }

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var s = book.Worksheets.Single();
        Assert.Equal(new DateTime(2021, 2, 1, 8, 0, 0), s.Cell(4, 2).GetDateTime());
        Assert.Equal(new DateTime(2021, 2, 16, 8, 0, 0), s.Cell(4, 12).GetDateTime());
        Assert.Equal(RegisterRows, s.Cell(3 + RegisterRows, 1).GetValue<int>());
        Assert.Equal("Не працює вуличне освітлення: «ліхтар» №" + (RegisterRows - 1), s.Cell(3 + RegisterRows, 8).GetString());
        Assert.Equal("в роботі", s.Cell(4, 13).GetString());
        Assert.True(s.Cell(4 + RegisterRows, 1).IsEmpty());
    }

    [Fact]
    public async Task Register_Csv_SameRows()
    {
        await SeedRegisterAsync();

        var csv = Encoding.UTF8.GetString(await app.Admin().GetByteArrayAsync("/api/v1/reports/register?period=2021&format=csv")).TrimStart('\uFEFF');

        var rows = Csv.Parse(csv);
        Assert.Equal(RegisterRows + 1, rows.Count);
        Assert.Equal("01.02.2021 08:00", rows[1][1]);
        Assert.Equal("Ґалаґан Євгенія Її 0", rows[1][3]);
    }

    [Theory]
    [InlineData("/api/v1/reports/register?period=2021&format=pdf")]
    [InlineData("/api/v1/reports/statutory?period=2021&format=xml")]
    [InlineData("/api/v1/appeals?format=docx")]
    [InlineData("/api/v1/admin/exports/users?format=json")]
    [InlineData("/api/v1/admin/exports/nonsense?format=xlsx")]
    [InlineData("/api/v1/analytics/rating?format=pdf")]
    [InlineData("/api/v1/analytics/operators?format=ods")]
    [InlineData("/api/v1/analytics/spikes?format=txt")]
    [InlineData("/api/v1/outages?format=pdf")]
    [InlineData("/api/v1/calls?format=html")]
    public async Task BadFormatOrList_400ProblemDetails(string url)
    {
        using var response = await app.Admin().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AdminList_Xlsx_SameRowsAsCsv_Audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await app.Admin().PostAsJsonAsync("/api/v1/users", new { email = $"xlsx.{tag}@rada.test", fullName = "Ярема Ексельний " + tag, roles = new[] { "operator" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await app.Admin().GetAsync($"/api/v1/admin/exports/users?q={tag}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var s = book.Worksheets.Single();
        Assert.Equal("Users", s.Name);
        Assert.Equal("Прізвище, ім'я, по батькові", s.Cell(1, 1).GetString());
        Assert.Equal("Ярема Ексельний " + tag, s.Cell(2, 1).GetString());
        Assert.Equal($"xlsx.{tag}@rada.test", s.Cell(2, 2).GetString());
        Assert.Equal("ні", s.Cell(2, 5).GetString()); // not locked
        Assert.True(s.Cell(3, 1).IsEmpty());
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "adminExport" && a.EntityId == "users" && a.Details == tag + "; xlsx")));
    }

    [Fact]
    public async Task AnalyticsLists_CsvAndXlsx()
    {
        foreach (var path in new[] { "rating", "operators?from=2021-01-01&to=2021-01-31", "spikes" })
        {
            var sep = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            using var xlsx = await app.Admin().GetAsync($"/api/v1/analytics/{path}{sep}format=xlsx");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
            var s = book.Worksheets.Single();
            var headerRow = path == "spikes" ? 1 : 3;
            var expected = path switch { "rating" => "Місце", "spikes" => "Виявлено", _ => "Оператор" };
            Assert.Equal(expected, s.Cell(headerRow, 1).GetString());

            using var csv = await app.Admin().GetAsync($"/api/v1/analytics/{path}{sep}format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.StartsWith(expected + ";", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OutagesAndCallLog_CsvAndXlsx()
    {
        foreach (var (path, header) in new[] { ("/api/v1/outages?status=closed", "Послуга"), ("/api/v1/calls?missed=true", "Контактний телефон") })
        {
            using var xlsx = await app.Admin().GetAsync($"{path}&format=xlsx");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
            var s = book.Worksheets.Single();
            Assert.Equal(header, s.Cell(1, 2).GetString());
            Assert.Equal(1, s.SheetView.SplitRow); // the header row is frozen

            using var csv = await app.Admin().GetAsync($"{path}&format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(header, lines[0].Split(';')[1]);
        }
    }
}

public sealed class ExportsTests_Sqlite(SqliteApp app) : ExportsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ExportsTests_Postgres(PostgresApp app) : ExportsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
