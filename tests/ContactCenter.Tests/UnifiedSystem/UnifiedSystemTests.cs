using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosedXML.Excel;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.UnifiedSystem;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;
using static ContactCenter.Tests.UnifiedSystem.UnifiedCsvFixture;

namespace ContactCenter.Tests.UnifiedSystem;

/// <summary>National Unified System / 1545 (F2.7): CSV and JSON import with a preview, idempotency, deadlines, export.</summary>
public abstract class UnifiedSystemTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly TimeSpan Kyiv = TimeSpan.FromHours(2);

    private async Task<JsonElement> CsvAsync(byte[] file, bool preview, HttpClient? client = null)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await (client ?? app.Admin()).PostAsync($"/api/v1/unified-system/csv?preview={(preview ? "true" : "false")}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement RowOf(JsonElement report, string number) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("externalNumber").GetString() == number);

    private Task<Appeal?> AppealAsync(string number) =>
        app.WithDbAsync(db => db.Appeals.AsNoTracking().Include(a => a.Questions).FirstOrDefaultAsync(a => a.ExternalId == UnifiedSystemModel.ExternalIdPrefix + number));

    private Task<int> UnifiedAppealCountAsync() => app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Channel == Channel.UnifiedSystem));

    [Fact]
    public async Task Cp1251_PreviewWritesNothing_CommitRegisters_RejectedRowsExplained_ReimportCreatesNothing()
    {
        string water = NewNumber(), lighting = NewNumber(), anonymous = NewNumber(), badPhone = NewNumber();
        var file = Cp1251(
            Row(water),
            Row(lighting, topic: "Не працює вуличне освітлення у дворі", content: "Темно біля під'їзду, ліхтар не світить"),
            Row(anonymous, applicant: "анонім"),
            Row(badPhone, phone: "12-34"),
            Row("", content: "Рядок без номера"));
        var before = await UnifiedAppealCountAsync();

        var preview = await CsvAsync(file, preview: true);
        Assert.True(preview.GetProperty("preview").GetBoolean());
        Assert.Equal("windows-1251", preview.GetProperty("encoding").GetString());
        Assert.Equal(2, preview.GetProperty("created").GetInt32());
        Assert.Equal(3, preview.GetProperty("rejected").GetInt32());
        Assert.Equal("create", RowOf(preview, water).GetProperty("outcome").GetString());
        Assert.Equal("utilities.water", RowOf(preview, water).GetProperty("categoryCode").GetString());
        Assert.Equal("exact", RowOf(preview, water).GetProperty("categoryMatch").GetString());
        Assert.Equal("improvement.lighting", RowOf(preview, lighting).GetProperty("categoryCode").GetString());
        Assert.Equal("search", RowOf(preview, lighting).GetProperty("categoryMatch").GetString());
        Assert.Contains("Анонімні звернення не розглядаються", RowOf(preview, anonymous).GetProperty("reasons")[0].GetString());
        Assert.Contains("Некоректний номер телефону", RowOf(preview, badPhone).GetProperty("reasons")[0].GetString());
        var noNumber = preview.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("line").GetInt32() == 6);
        Assert.Equal("reject", noNumber.GetProperty("outcome").GetString());
        Assert.Contains("Не вказано № звернення", noNumber.GetProperty("reasons")[0].GetString());
        Assert.Equal(before, await UnifiedAppealCountAsync());
        Assert.Null(await AppealAsync(water));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<UnifiedCard>().CountAsync(c => c.ExternalNumber == water)));

        var done = await CsvAsync(file, preview: false);
        Assert.False(done.GetProperty("preview").GetBoolean());
        Assert.Equal(2, done.GetProperty("created").GetInt32());
        Assert.Equal(3, done.GetProperty("rejected").GetInt32());
        var appeal = await AppealAsync(water);
        Assert.NotNull(appeal);
        Assert.Equal(Channel.UnifiedSystem, appeal.Channel);
        Assert.Equal(AppealForm.Oral, appeal.Form);
        Assert.Equal("Бондаренко Іван Петрович", appeal.Applicant.FullName);
        Assert.Equal("+380501234567", appeal.Applicant.Phone);
        Assert.Equal("Немає холодної води третій день", appeal.Description);
        Assert.Equal("utilities.water", Assert.Single(appeal.Questions).CategoryCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 0, Kyiv), appeal.ReceivedAt);
        Assert.Equal(RowOf(done, water).GetProperty("registrationNumber").GetString(), appeal.RegistrationNumber);
        Assert.Equal("improvement.lighting", Assert.Single((await AppealAsync(lighting))!.Questions).CategoryCode);
        Assert.Null(await AppealAsync(anonymous));
        Assert.Equal(before + 2, await UnifiedAppealCountAsync());

        var again = await CsvAsync(file, preview: false);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(2, again.GetProperty("skipped").GetInt32());
        Assert.Equal(before + 2, await UnifiedAppealCountAsync());
    }

    [Fact]
    public async Task Utf8_WithBom_AndWithout_QuotedFields_TolerantHeaders_UnknownColumnsIgnored()
    {
        string[] header = ["  № ЗВЕРНЕННЯ ", "Заявник", "адреса", "ТЕЛЕФОН", "Питання", "Зміст", "Вирішити   до", "Оператор 1545"];
        string quoted = NewNumber(), plain = NewNumber();
        var content = "Прорив труби; вода \"заливає\" підвал\nтретій під'їзд";
        var bom = Utf8(true, header, [quoted, "Шевченко Марія", "вул. Робоча, 12", "+380 67 111 22 33", "Аварійні ситуації в будинку", content, "30.11.2026", "Петренко"]);
        var report = await CsvAsync(bom, preview: false);
        Assert.Equal("utf-8", report.GetProperty("encoding").GetString());
        Assert.Equal("Оператор 1545", Assert.Single(report.GetProperty("ignoredColumns").EnumerateArray()).GetString());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var appeal = await AppealAsync(quoted);
        Assert.NotNull(appeal);
        Assert.Equal(content, appeal.Description);
        Assert.Equal("utilities.emergency", appeal.Questions[0].CategoryCode);
        Assert.Equal("+380671112233", appeal.Applicant.Phone);

        var noBom = Utf8(false, header, [plain, "Ігнатенко Ганна", "вул. Європейська, 1", "0671112234", "Щось зовсім незрозуміле", "Питання без категорії", "", ""]);
        var second = await CsvAsync(noBom, preview: true);
        Assert.Equal("utf-8", second.GetProperty("encoding").GetString());
        Assert.Equal("other", RowOf(second, plain).GetProperty("categoryCode").GetString());
        Assert.Equal("default", RowOf(second, plain).GetProperty("categoryMatch").GetString());
    }

    [Fact]
    public async Task File_WithoutNumberColumn_Refused()
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("a;b;c\r\n1;2;3\r\n"));
        var response = await app.Admin().PostAsync("/api/v1/unified-system/csv?preview=true", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("№ звернення", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EarlierDeadlineWins_AndAnUpdateBringsItForward_OthersUntouched()
    {
        string early = NewNumber(), late = NewNumber(), dateOnly = NewNumber();
        var file = Cp1251(Row(early, due: "25.11.2026 12:00"), Row(late, due: "31.12.2026 17:00"), Row(dateOnly, due: "26.11.2026"));
        await CsvAsync(file, preview: false);

        var e = (await AppealAsync(early))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, Kyiv), e.Questions[0].DueAt);
        Assert.Equal(e.Questions[0].DueAt, e.DueAt);
        var l = (await AppealAsync(late))!;
        Assert.True(l.Questions[0].DueAt < new DateTimeOffset(2026, 12, 31, 17, 0, 0, Kyiv), "our own deadline is earlier");
        var computed = l.Questions[0].DueAt;
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 59, 0, Kyiv), (await AppealAsync(dateOnly))!.Questions[0].DueAt);

        // The Unified System moves the late card's deadline forward and changes its status: the card follows.
        var changed = Cp1251(Row(early, due: "25.11.2026 12:00"), Row(late, due: "27.11.2026 10:00", status: "На контролі"), Row(dateOnly, due: "26.11.2026"));
        var preview = await CsvAsync(changed, preview: true);
        Assert.Equal("update", RowOf(preview, late).GetProperty("outcome").GetString());
        Assert.Equal(2, preview.GetProperty("skipped").GetInt32());
        Assert.Equal(computed, (await AppealAsync(late))!.Questions[0].DueAt);

        var done = await CsvAsync(changed, preview: false);
        Assert.Equal(1, done.GetProperty("updated").GetInt32());
        var updated = (await AppealAsync(late))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, Kyiv), updated.Questions[0].DueAt);
        Assert.Equal(updated.Questions[0].DueAt, updated.DueAt);
        Assert.Equal("На контролі", await app.WithDbAsync(db => db.Set<UnifiedCard>().Where(c => c.ExternalNumber == late).Select(c => c.ExternalStatus).SingleAsync()));
        Assert.Contains(await app.WithDbAsync(db => db.AppealHistory.Where(h => h.AppealId == updated.Id).Select(h => h.Action).ToListAsync()), a => a == "unifiedSystem.updated");

        // A later «вирішити до» never pushes our deadline back.
        await CsvAsync(Cp1251(Row(early, due: "30.12.2026 12:00")), preview: false);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, Kyiv), (await AppealAsync(early))!.Questions[0].DueAt);
    }

    [Fact]
    public async Task Json_PreviewWritesNothing_ImportIsIdempotent_IntegrationKey()
    {
        var cast = await Cast.Of(app);
        var number = NewNumber();
        var body = new
        {
            cards = new object[]
            {
                new
                {
                    externalNumber = number, source = "Телефон 1545", priority = "Терміновий", status = "Нове",
                    createdAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Kyiv), topic = "Вивезення сміття, стихійні сміттєзвалища",
                    content = "Не вивозять сміття два тижні", applicant = new { fullName = "Мельник Оксана", address = "вул. Соборна, 5", phone = "0931234567" },
                    dueAt = new DateTimeOffset(2026, 12, 1, 17, 0, 0, Kyiv),
                },
                new { externalNumber = NewNumber(), content = "", applicant = new { fullName = "" } },
            },
        };
        var client = cast.As(cast.Integration);
        var (status, preview) = await client.PostJsonAsync("/api/v1/unified-system/cards?preview=true", body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, preview.GetProperty("created").GetInt32());
        Assert.Equal(1, preview.GetProperty("rejected").GetInt32());
        Assert.Null(await AppealAsync(number));

        var (s2, done) = await client.PostJsonAsync("/api/v1/unified-system/cards", body);
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal(1, done.GetProperty("created").GetInt32());
        var appeal = (await AppealAsync(number))!;
        Assert.Equal(Priority.Urgent, appeal.Priority);
        Assert.Equal("improvement.waste", appeal.Questions[0].CategoryCode);

        var (_, again) = await client.PostJsonAsync("/api/v1/unified-system/cards", body);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(1, again.GetProperty("skipped").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.ExternalId == UnifiedSystemModel.ExternalIdPrefix + number)));

        var (forbidden, _) = await cast.As(cast.Executor).PostJsonAsync("/api/v1/unified-system/cards", body);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    [Fact]
    public async Task Export_JsonAndXlsx_CarryStatusAnswerResultAndFeedback()
    {
        var cast = await Cast.Of(app);
        var number = NewNumber();
        var since = app.Time.GetUtcNow();
        await CsvAsync(Cp1251(Row(number)), preview: false);
        var registration = (await AppealAsync(number))!.RegistrationNumber;
        await cast.OkAsync(cast.Operator, registration, "assign", new { executorId = cast.ExecutorId }, "assigned");
        await cast.OkAsync(cast.Executor, registration, "accept", null, "inProgress");
        await cast.OkAsync(cast.Executor, registration, "result", new { text = "Засувку замінено, воду подано", resultCode = "resolved" }, "resultReported");
        await cast.OkAsync(cast.Operator, registration, "verification", new { confirmed = true, rating = 5, comment = "Дякую", via = "phone" }, "closed");

        var (status, rows) = await cast.As(cast.Integration).GetJsonAsync($"/api/v1/unified-system/export?changedSince={Uri.EscapeDataString(since.ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, status);
        var row = rows.EnumerateArray().Single(r => r.GetProperty("externalNumber").GetString() == number);
        Assert.Equal(registration, row.GetProperty("registrationNumber").GetString());
        Assert.Equal("closed", row.GetProperty("status").GetString());
        Assert.Equal("Засувку замінено, воду подано", row.GetProperty("answerText").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("answerAt").ValueKind);
        Assert.Equal(registration, row.GetProperty("outgoingNumber").GetString());
        Assert.Equal("resolved", row.GetProperty("result").GetString());
        Assert.True(row.GetProperty("feedbackConfirmed").GetBoolean());
        Assert.Equal(5, row.GetProperty("feedbackRating").GetInt32());

        var (_, none) = await cast.As(cast.Integration).GetJsonAsync($"/api/v1/unified-system/export?from={Uri.EscapeDataString(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Kyiv).ToString("O"))}");
        Assert.Empty(none.EnumerateArray());

        var response = await cast.As(cast.Supervisor).GetAsync("/api/v1/unified-system/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UnifiedSystemApi.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        Assert.Equal("№ звернення", sheet.Cell(1, 1).GetString());
        Assert.Equal("Текст відповіді", sheet.Cell(1, 5).GetString());
        var line = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == number);
        Assert.Equal(registration, line.Cell(2).GetString());
        Assert.Equal("закрито", line.Cell(3).GetString());
        Assert.Equal("Засувку замінено, воду подано", line.Cell(5).GetString());
        Assert.Equal("вирішено позитивно", line.Cell(7).GetString());
        Assert.Equal("підтверджено", line.Cell(8).GetString());
        Assert.Equal(5, line.Cell(9).GetValue<int>());
        Assert.Equal(XLDataType.DateTime, line.Cell(4).DataType);

        Assert.Equal(HttpStatusCode.Forbidden, (await cast.As(cast.Executor).GetAsync("/api/v1/unified-system/export")).StatusCode);
    }
}

public sealed class UnifiedSystemTests_Sqlite(SqliteApp app) : UnifiedSystemTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class UnifiedSystemTests_Postgres(PostgresApp app) : UnifiedSystemTests<PostgresApp>(app), IClassFixture<PostgresApp>;
