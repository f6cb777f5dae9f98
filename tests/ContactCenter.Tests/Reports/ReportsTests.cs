using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Reports;

/// <summary>
/// The statutory and discipline reports against hand-computed fixtures, the register, the exports read back (CSV parsed,
/// XLSX opened with ClosedXML) and masking (R12). Fixtures are written straight into the database with receipt dates in
/// periods of their own (2025-Q2 for the statutory report, 2024-Q3 for discipline, 2023 for the register), so other
/// tests of the class, which register "now" (November 2026), never fall into them.
/// </summary>
public abstract class ReportsTests<TApp>(TApp app) where TApp : AppFixture
{
    private const string HiddenUk = "Особу приховано на прохання заявника (ст. 10 Закону)";
    private static readonly TimeSpan Summer = TimeSpan.FromHours(3), Winter = TimeSpan.FromHours(2);

    // ---------- statutory report (2025-Q2: 1 April – 30 June 2025, Kyiv) ----------

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private async Task SeedStatutoryAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.RegistrationNumber.StartsWith("ST-"))))
                return;
            await app.WithDbAsync(async db =>
            {
                // Just outside: 31 March 23:30 and 1 July 00:10 Kyiv.
                db.Appeals.Add(NewAppeal("ST-OUT1", new DateTimeOffset(2025, 3, 31, 23, 30, 0, Summer), Q("utilities.water", AppealStatus.Closed, ResultCode.Resolved)));
                db.Appeals.Add(NewAppeal("ST-OUT2", new DateTimeOffset(2025, 7, 1, 0, 10, 0, Summer), Q("utilities.water", AppealStatus.Closed, ResultCode.Resolved)));
                var a1 = NewAppeal("ST-A1", new DateTimeOffset(2025, 4, 1, 0, 30, 0, Summer),
                    Q("utilities.water", AppealStatus.Closed, ResultCode.Resolved), Q("improvement.roads", AppealStatus.InProgress, null));
                a1.Form = AppealForm.Oral;
                a1.Channel = Channel.Phone;
                a1.Kind = AppealKind.Application;
                a1.Applicant.PrivilegeCategory = "ветеран війни";
                a1.Applicant.SocialStatus = "пенсіонер";
                db.Appeals.Add(a1);
                await db.SaveChangesAsync();

                var a2 = NewAppeal("ST-A2", new DateTimeOffset(2025, 5, 15, 10, 0, 0, Summer), Q("utilities.heating", AppealStatus.Rejected, ResultCode.Refused));
                a2.Form = AppealForm.Written;
                a2.Channel = Channel.Written;
                a2.Kind = AppealKind.Complaint;
                a2.IsCollective = true;
                a2.SignatoriesCount = 12;
                a2.RepeatOfId = a1.Id;
                a2.Applicant.SocialStatus = "працює";
                var a3 = NewAppeal("ST-A3", new DateTimeOffset(2025, 6, 30, 23, 30, 0, Summer), Q("social.benefits", AppealStatus.Closed, ResultCode.Explained));
                a3.Form = AppealForm.Electronic;
                a3.Channel = Channel.Web;
                a3.Kind = AppealKind.Proposal;
                a3.DuplicateOfId = a1.Id;
                a3.Applicant.PrivilegeCategory = " Ветеран війни ";
                var a4 = NewAppeal("ST-A4", new DateTimeOffset(2025, 6, 10, 9, 0, 0, Summer), Q("utilities.water", AppealStatus.Forwarded, ResultCode.Forwarded));
                a4.Form = AppealForm.Electronic;
                a4.Channel = Channel.Email;
                a4.Kind = AppealKind.Application;
                a4.HideIdentity = true;
                a4.Applicant.SocialStatus = "пенсіонер";
                db.Appeals.AddRange(a2, a3, a4);
                await db.SaveChangesAsync();
                return 0;
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task Statutory_Quarter_EveryFigureAsComputedByHand()
    {
        await SeedStatutoryAsync();

        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/reports/statutory?period=2025-Q2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2025-04-01", body.Str("from"));
        Assert.Equal("2025-06-30", body.Str("to"));
        Assert.Equal(4, body.GetProperty("appeals").GetInt32());
        Assert.Equal(5, body.GetProperty("questions").GetInt32());
        var s = Sections(body);
        Assert.Equal(new Dictionary<string, int> { ["oral"] = 1, ["written"] = 1, ["electronic"] = 2 }, s["form"]);
        Assert.Equal(1, s["channel"]["phone"]);
        Assert.Equal(1, s["channel"]["written"]);
        Assert.Equal(1, s["channel"]["web"]);
        Assert.Equal(1, s["channel"]["email"]);
        Assert.Equal(4, s["channel"].Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["first"] = 2, ["repeated"] = 1, ["duplicate"] = 1 }, s["sign"]);
        Assert.Equal(new Dictionary<string, int> { ["proposal"] = 1, ["application"] = 2, ["complaint"] = 1 }, s["kind"]);
        Assert.Equal(new Dictionary<string, int> { ["individual"] = 3, ["collective"] = 1 }, s["subject"]);
        // Free text grouped without case and surrounding spaces.
        Assert.Equal(2, s["applicantCategory"].Single(kv => kv.Key.Equals("ветеран війни", StringComparison.CurrentCultureIgnoreCase)).Value);
        Assert.Equal(2, s["applicantCategory"]["notStated"]);
        Assert.Equal(2, s["applicantCategory"].Count);
        Assert.Equal(new Dictionary<string, int> { ["пенсіонер"] = 2, ["працює"] = 1, ["notStated"] = 1 }, s["socialStatus"]);
        Assert.Equal(3, s["topic"]["utilities"]);
        Assert.Equal(1, s["topic"]["improvement"]);
        Assert.Equal(1, s["topic"]["social"]);
        Assert.Equal(3, s["topic"].Count);
        Assert.Equal(new Dictionary<string, int>
        {
            ["resolved"] = 1,
            ["refused"] = 1,
            ["explained"] = 1,
            ["forwarded"] = 1,
            ["returned"] = 0,
            ["terminated"] = 0,
            ["pending"] = 1,
        }, s["result"]);
        var kind = body.GetProperty("sections").EnumerateArray().Single(x => x.Str("key") == "kind");
        Assert.Equal(4, kind.GetProperty("total").GetInt32());
        Assert.Equal("appeals", kind.Str("unit"));
        Assert.Equal(50.0, kind.GetProperty("rows").EnumerateArray().Single(r => r.Str("key") == "application").GetProperty("share").GetDouble());
    }

    [Fact]
    public async Task Statutory_HalfYearAndAnyPeriod_SameAppealsCounted()
    {
        await SeedStatutoryAsync();

        var (_, half) = await app.Admin().GetJsonAsync("/api/v1/reports/statutory?period=2025-H1");
        var (_, custom) = await app.Admin().GetJsonAsync("/api/v1/reports/statutory?from=2025-04-01&to=2025-06-30");
        var (_, oneDay) = await app.Admin().GetJsonAsync("/api/v1/reports/statutory?from=2025-03-31&to=2025-03-31");

        // H1 = the four of Q2 + ST-OUT1 (31 March); ST-OUT2 (1 July, 00:10 Kyiv) stays out.
        Assert.Equal(5, half.GetProperty("appeals").GetInt32());
        Assert.Equal(4, custom.GetProperty("appeals").GetInt32());
        Assert.Equal(1, oneDay.GetProperty("appeals").GetInt32());
    }

    [Fact]
    public async Task Statutory_Xlsx_OpensAndHoldsTheFigures()
    {
        await SeedStatutoryAsync();

        var response = await app.Admin().GetAsync("/api/v1/reports/statutory?period=2025-Q2&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Розділ");
        Assert.Equal("Кількість", header.Cell(3).GetString());
        var repeated = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Ознака надходження" && r.Cell(2).GetString() == "повторне");
        Assert.Equal(1, repeated.Cell(3).GetValue<int>());
        Assert.Equal(25.0, repeated.Cell(4).GetValue<double>());
        var pending = sheet.RowsUsed().Single(r => r.Cell(2).GetString().StartsWith("на розгляді", StringComparison.Ordinal));
        Assert.Equal(1, pending.Cell(3).GetValue<int>());
    }

    [Fact]
    public async Task Statutory_CsvInEnglish_HeadersInTheUsersLanguage()
    {
        await SeedStatutoryAsync();

        var response = await app.Client(language: "en").GetAsync("/api/v1/reports/statutory?period=2025-Q2&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(new[] { "Section", "Indicator", "Count", "Share, %" }, rows[0]);
        var kindRows = rows.Where(r => r[0] == "Kind of appeal").ToList();
        Assert.Equal(new[] { "Kind of appeal", "appeals in total", "4", "" }, kindRows[0]);
        Assert.Contains(kindRows, r => r[1] == "complaint" && r[2] == "1" && r[3] == "25");
    }

    [Fact]
    public async Task Reports_OperatorOrExecutor_403()
    {
        var op = app.Client(await app.CreateKeyAsync("operator"));
        var executor = app.Client(await app.CreateKeyAsync("executor", await app.CreateExecutorAsync("КП «Звіти» " + Guid.NewGuid().ToString("N")[..6])));
        var leadership = app.Client(await app.CreateKeyAsync("leadership"));

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/reports/statutory?period=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executor.GetAsync("/api/v1/reports/discipline?period=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executor.GetAsync("/api/v1/reports/register?period=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leadership.GetAsync("/api/v1/reports/statutory?period=2025")).StatusCode);
    }

    [Theory]
    [InlineData("period=2025-Q5", "period")]
    [InlineData("period=25", "period")]
    [InlineData("from=2025-05-01&to=2025-04-01", "to")]
    [InlineData("from=2025-05-01", "to")]
    [InlineData("period=2025&format=pdf", "format")]
    public async Task Reports_BadPeriodOrFormat_400OnTheField(string query, string field)
    {
        var (status, problem) = await app.Admin().GetJsonAsync("/api/v1/reports/statutory?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    // ---------- executive discipline (2024-Q3; now = 2026-11-24) ----------

    [Fact]
    public async Task Discipline_PerExecutor_EveryFigureAsComputedByHand()
    {
        var e1 = await app.CreateExecutorAsync("Дисципліна-1 " + Guid.NewGuid().ToString("N")[..6]);
        var e2 = await app.CreateExecutorAsync("Дисципліна-2 " + Guid.NewGuid().ToString("N")[..6]);
        var received = new DateTimeOffset(2024, 7, 5, 10, 0, 0, Summer);
        DateTimeOffset D(int month, int day) => new(2024, month, day, 17, 0, 0, Summer);
        await app.WithDbAsync(async db =>
        {
            var n = 0;
            void Add(int? executor, AppealStatus status, DateTimeOffset? due, DateTimeOffset? resultAt, DateTimeOffset? closedAt, int extended)
            {
                var q = Q("utilities.water", status, resultAt is null ? null : ResultCode.Resolved);
                q.ExecutorId = executor;
                q.DueAt = due;
                q.ResultAt = resultAt;
                q.ClosedAt = closedAt;
                q.ExtendedWorkingDays = extended;
                db.Appeals.Add(NewAppeal($"DS-{executor}-{++n}", received.AddDays(n), q));
            }
            Add(e1, AppealStatus.Closed, D(7, 10), D(7, 9), D(7, 12), 0);            // on time (the answer counts, not the verification)
            Add(e1, AppealStatus.Closed, D(7, 20), D(7, 25), D(7, 26), 3);           // late, extended
            Add(e1, AppealStatus.Rejected, D(8, 1), null, D(7, 30), 0);              // on time by closedAt
            Add(e1, AppealStatus.InProgress, D(9, 1), null, null, 0);                // open, overdue now
            Add(e1, AppealStatus.Deferred, new DateTimeOffset(2027, 1, 1, 17, 0, 0, Winter), null, null, 5); // open, not overdue, extended
            Add(e2, AppealStatus.ResultReported, D(8, 10), D(8, 9), null, 0);       // open (awaiting verification), past its deadline
            Add(e2, AppealStatus.Forwarded, D(8, 15), null, D(8, 16), 0);            // late
            Add(null, AppealStatus.Registered, D(9, 30), null, null, 0);             // no executor: open, overdue
            await db.SaveChangesAsync();
            return 0;
        });

        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/reports/discipline?period=2024-Q3");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        AssertRow(rows.Single(r => r.GetProperty("executorId").ValueKind == JsonValueKind.Number && r.GetProperty("executorId").GetInt32() == e1), 5, 3, 2, 1, 2, 2, 1, 66.7);
        AssertRow(rows.Single(r => r.GetProperty("executorId").ValueKind == JsonValueKind.Number && r.GetProperty("executorId").GetInt32() == e2), 2, 1, 0, 1, 0, 1, 1, 0.0);
        var none = rows.Single(r => r.GetProperty("executorId").ValueKind == JsonValueKind.Null);
        Assert.Equal("виконавця не призначено", none.Str("executor"));
        AssertRow(none, 1, 0, 0, 0, 0, 1, 1, null);
        AssertRow(body.GetProperty("total"), 8, 4, 2, 2, 2, 4, 3, 50.0);
        Assert.Equal(rows.Count - 1, rows.FindIndex(r => r.GetProperty("executorId").ValueKind == JsonValueKind.Null));

        // The same figures in the CSV and the XLSX.
        var csv = Csv.Parse(Encoding.UTF8.GetString(await app.Admin().GetByteArrayAsync("/api/v1/reports/discipline?period=2024-Q3&format=csv")).TrimStart('\uFEFF'));
        Assert.Equal("Виконавець", csv[0][0]);
        var e1Name = rows.Single(r => r.GetProperty("executorId").ValueKind == JsonValueKind.Number && r.GetProperty("executorId").GetInt32() == e1).Str("executor");
        Assert.Equal(new[] { e1Name, "5", "3", "2", "1", "2", "2", "1", "66.7" }, csv.Single(r => r[0] == e1Name));
        Assert.Equal(new[] { "Усього", "8", "4", "2", "2", "2", "4", "3", "50" }, csv[^1]);
        using var workbook = new XLWorkbook(new MemoryStream(await app.Admin().GetByteArrayAsync("/api/v1/reports/discipline?period=2024-Q3&format=xlsx")));
        var total = workbook.Worksheets.First().RowsUsed().Single(r => r.Cell(1).GetString() == "Усього");
        Assert.Equal(new[] { 8, 4, 2, 2, 2, 4, 3 }, Enumerable.Range(2, 7).Select(c => total.Cell(c).GetValue<int>()));
        Assert.Equal(50.0, total.Cell(9).GetValue<double>());
    }

    private static void AssertRow(JsonElement r, int received, int closed, int onTime, int late, int extended, int open, int overdue, double? share)
    {
        Assert.Equal(
            (received, closed, onTime, late, extended, open, overdue),
            (r.GetProperty("received").GetInt32(), r.GetProperty("closed").GetInt32(), r.GetProperty("closedOnTime").GetInt32(),
                r.GetProperty("closedLate").GetInt32(), r.GetProperty("extended").GetInt32(), r.GetProperty("openNow").GetInt32(),
                r.GetProperty("overdueNow").GetInt32()));
        var s = r.GetProperty("onTimeShare");
        Assert.Equal(share, s.ValueKind == JsonValueKind.Null ? null : s.GetDouble());
    }

    // ---------- register (2023) and exports: masking, audit ----------

    [Fact]
    public async Task Register_XlsxAndCsv_ColumnsOfAnnex3_HiddenIdentityMasked_Audited()
    {
        await app.WithDbAsync(async db =>
        {
            var open = NewAppeal("RG-1", new DateTimeOffset(2023, 3, 1, 9, 15, 0, Winter), Q("utilities.water", AppealStatus.Closed, ResultCode.Resolved));
            open.Applicant.FullName = "Шевченко Тарас Григорович";
            open.Applicant.Phone = "+380671112233";
            open.Applicant.RegisteredAddress = "вул. Київська, 1";
            open.Applicant.Address = "вул. Соборна, 5";
            open.Applicant.RepresentativeOf = "Шевченко Ганна";
            var hidden = NewAppeal("RG-2", new DateTimeOffset(2023, 3, 2, 11, 0, 0, Winter), Q("improvement.roads", AppealStatus.InProgress, null));
            hidden.HideIdentity = true;
            hidden.Applicant.FullName = "Прихована Марія Іванівна";
            hidden.Applicant.Phone = "+380674445566";
            hidden.Applicant.Address = "вул. Таємна, 7";
            db.Appeals.AddRange(open, hidden);
            await db.SaveChangesAsync();
            return 0;
        });

        var bytes = await app.Admin().GetByteArrayAsync("/api/v1/reports/register?period=2023&format=xlsx");

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.First();
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "№ з/п");
        Assert.Equal(
            new[] { "№ з/п", "Дата і час надходження", "Реєстраційний номер", "Прізвище, ім'я, по батькові заявника", "Контактний телефон",
                "Місце реєстрації (прописка)", "Місце проживання (тимчасового)", "Суть питання", "Канал надходження", "Вид", "Виконавець",
                "Строк розгляду", "Стан розгляду", "Результат" },
            Enumerable.Range(1, 14).Select(c => header.Cell(c).GetString()));
        var first = sheet.Row(header.RowNumber() + 1);
        Assert.Equal(1, first.Cell(1).GetValue<int>());
        Assert.Equal(new DateTime(2023, 3, 1, 9, 15, 0), first.Cell(2).GetDateTime());
        Assert.StartsWith("RG-1-", first.Cell(3).GetString(), StringComparison.Ordinal);
        Assert.Equal("Шевченко Тарас Григорович (в інтересах Шевченко Ганна)", first.Cell(4).GetString());
        Assert.Equal("+380671112233", first.Cell(5).GetString());
        Assert.Equal("вул. Київська, 1", first.Cell(6).GetString());
        Assert.Equal("вирішено позитивно", first.Cell(14).GetString());
        var second = sheet.Row(header.RowNumber() + 2);
        Assert.StartsWith("RG-2-", second.Cell(3).GetString(), StringComparison.Ordinal);
        Assert.Equal(HiddenUk, second.Cell(4).GetString());
        Assert.True(second.Cell(5).IsEmpty());
        Assert.True(second.Cell(7).IsEmpty());
        Assert.True(sheet.Row(header.RowNumber() + 3).IsEmpty());

        var csv = Encoding.UTF8.GetString(await app.Admin().GetByteArrayAsync("/api/v1/reports/register?period=2023&format=csv"));
        Assert.DoesNotContain("Прихована", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("674445566", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Таємна", csv, StringComparison.Ordinal);
        var rows = Csv.Parse(csv.TrimStart('\uFEFF'));
        Assert.Equal(3, rows.Count);
        Assert.Equal("01.03.2023 09:15", rows[1][1]);
        Assert.Equal("'+380671112233", rows[1][4]);

        var audited = await app.WithDbAsync(db => db.AuditLog.Where(e => e.EntityType == "appealRegister").Select(e => e.Details).ToListAsync());
        Assert.Contains(audited, d => d != null && d.Contains("2023-01-01..2023-12-31; xlsx", StringComparison.Ordinal));
        Assert.Contains(audited, d => d != null && d.Contains("2023-01-01..2023-12-31; csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppealList_Xlsx_SameFiltersHiddenIdentityMaskedAndAudited()
    {
        var phone = Appeals.NewPhone();
        var visible = (await app.Admin().RegisterAsync(Appeals.Valid(phone: phone))).Str("registrationNumber");
        var body = Appeals.Valid(phone: phone);
        body["hideIdentity"] = true;
        var hidden = (await app.Admin().RegisterAsync(body)).Str("registrationNumber");

        var response = await app.Admin().GetAsync($"/api/v1/appeals?phone={Uri.EscapeDataString(phone)}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        Assert.Equal("Реєстраційний номер", sheet.Cell(1, 1).GetString());
        var byNumber = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(2, byNumber.Count);
        Assert.Equal("Коваленко Олена Петрівна", byNumber[visible].Cell(11).GetString());
        Assert.Equal(phone, byNumber[visible].Cell(12).GetString());
        Assert.Equal("зареєстровано", byNumber[visible].Cell(3).GetString());
        Assert.Equal(HiddenUk, byNumber[hidden].Cell(11).GetString());
        Assert.True(byNumber[hidden].Cell(12).IsEmpty());
        Assert.True(byNumber[hidden].Cell(14).IsEmpty());
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.EntityType == "appealExport" && e.Details == "xlsx"));
        Assert.True(audited >= 1);
    }

    // ---------- print: card, letter, PDF ----------

    [Fact]
    public async Task PrintCard_HiddenIdentity_MaskedEvenForAdministrator_LetterShowsAddresseeToStaff()
    {
        var body = Appeals.Valid();
        body["hideIdentity"] = true;
        var number = (await app.Admin().RegisterAsync(body)).Str("registrationNumber");

        var card = await app.Admin().GetStringAsync($"/print/appeals/{number}/card");
        var letter = await app.Admin().GetStringAsync($"/print/appeals/{number}/letter");

        Assert.Contains(number, card, StringComparison.Ordinal);
        Assert.Contains("Реєстраційно-контрольна картка звернення", card, StringComparison.Ordinal);
        Assert.Contains("Третій день немає холодної води", card, StringComparison.Ordinal);
        Assert.Contains("(підпис)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Коваленко", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Соборна, 5, кв. 12", card, StringComparison.Ordinal);
        Assert.Contains("Коваленко Олена Петрівна", letter, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditLog.Where(e => e.EntityType == "appealPrint" && e.EntityId == number).Select(e => e.Details).ToListAsync());
        Assert.Equal(new[] { "card", "letter" }, audited.Order());
    }

    [Fact]
    public async Task PrintLetter_ExecutorOfHiddenApplicant_Masked()
    {
        var executor = await app.CreateExecutorAsync("КП «Друк» " + Guid.NewGuid().ToString("N")[..6]);
        var body = Appeals.Valid(executorId: executor);
        body["hideIdentity"] = true;
        var number = (await app.Admin().RegisterAsync(body)).Str("registrationNumber");
        var client = app.Client(await app.CreateKeyAsync("executor", executor));

        var letter = await client.GetStringAsync($"/print/appeals/{number}/letter");

        Assert.Contains(number, letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Коваленко", letter, StringComparison.Ordinal);
        Assert.Contains(HiddenUk, letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintCard_OtherExecutor_403()
    {
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Str("registrationNumber");
        var stranger = app.Client(await app.CreateKeyAsync("executor", await app.CreateExecutorAsync("КП «Чужий» " + Guid.NewGuid().ToString("N")[..6])));

        var response = await stranger.GetAsync($"/print/appeals/{number}/card");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PrintPdf_CardAndLetter_PdfWithEmbeddedDejaVu()
    {
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Str("registrationNumber");

        foreach (var kind in new[] { "card", "letter" })
        {
            var response = await app.Admin().GetAsync($"/print/appeals/{number}/{kind}?format=pdf");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
            var raw = Encoding.Latin1.GetString(bytes);
            Assert.Contains("+DejaVu#20Sans", raw, StringComparison.Ordinal);
            Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PrintRegister_Period_TableWithTheRows()
    {
        await app.WithDbAsync(async db =>
        {
            db.Appeals.Add(NewAppeal("PR-1", new DateTimeOffset(2022, 2, 3, 10, 0, 0, Winter), Q("utilities.water", AppealStatus.Closed, ResultCode.Resolved)));
            await db.SaveChangesAsync();
            return 0;
        });

        var html = await app.Admin().GetStringAsync("/print/register?period=2022-02");

        Assert.Contains("Список звернень громадян", html, StringComparison.Ordinal);
        Assert.Contains("PR-1", html, StringComparison.Ordinal);
        Assert.Contains("Усього записів: 1", html, StringComparison.Ordinal);
    }

    // ---------- helpers ----------

    private static Dictionary<string, Dictionary<string, int>> Sections(JsonElement body) =>
        body.GetProperty("sections").EnumerateArray().ToDictionary(
            s => s.Str("key"),
            s => s.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Str("key"), r => r.GetProperty("count").GetInt32()));

    private static Appeal NewAppeal(string number, DateTimeOffset receivedAt, params Question[] questions)
    {
        var q = questions.Select((x, i) => { x.Number = i + 1; return x; }).ToList();
        return new Appeal
        {
            RegistrationNumber = number + "-" + Guid.NewGuid().ToString("N")[..6],
            ReceivedAt = receivedAt.ToUniversalTime(),
            RegisteredAt = receivedAt.ToUniversalTime(),
            UpdatedAt = receivedAt.ToUniversalTime(),
            Channel = Channel.Phone,
            Kind = AppealKind.Application,
            Form = AppealForm.Oral,
            Applicant = new Applicant { FullName = "Тестовий Заявник", Phone = "+380670000000", Address = "вул. Тестова, 1" },
            Description = "Фікстура звіту",
            SearchText = "фікстура звіту",
            Status = q.All(x => !AppealStateMachine.IsOpen(x.Status)) ? q[0].Status : q.First(x => AppealStateMachine.IsOpen(x.Status)).Status,
            DueAt = q.Max(x => x.DueAt),
            Questions = q,
        };
    }

    private static Question Q(string category, AppealStatus status, ResultCode? result) => new()
    {
        CategoryCode = category,
        Description = "Питання фікстури",
        ReviewTrackCode = "simple",
        Status = status,
        ResultCode = result,
        ResultText = result is null ? null : "Відповідь",
    };
}

public sealed class ReportsTests_Sqlite(SqliteApp app) : ReportsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReportsTests_Postgres(PostgresApp app) : ReportsTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>A small RFC 4180 reader for «;»-separated exports (quoted cells may hold «;», quotes and line breaks).</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ';':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
