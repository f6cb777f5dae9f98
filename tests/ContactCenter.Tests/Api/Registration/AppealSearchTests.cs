using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>
/// GET /api/v1/appeals: every filter of API.md, paging, the CSV export and R12 masking. The database is shared by the
/// class, so each test narrows its search to a phone number of its own. The overdue test moves the clock forward;
/// no other test here depends on the absolute time.
/// </summary>
public abstract class AppealSearchTests<TApp>(TApp app) where TApp : AppFixture
{
    private const string HiddenUk = "Особу приховано на прохання заявника (ст. 10 Закону)";

    private async Task<string> RegisterAsync(string phone, Action<Dictionary<string, object?>>? edit = null)
    {
        var body = Appeals.Valid(phone: phone);
        edit?.Invoke(body);
        return (await app.Admin().RegisterAsync(body)).Number();
    }

    [Fact]
    public async Task Search_ByStatus_OnlyThatStatus()
    {
        var phone = Appeals.NewPhone();
        var executor = await app.CreateExecutorAsync("Статусний " + Guid.NewGuid().ToString("N")[..6]);
        var registered = await RegisterAsync(phone);
        var assigned = await RegisterAsync(phone, b => b["executorId"] = executor);

        var (total, numbers, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&status=assigned");
        Assert.Equal(1, total);
        Assert.Equal([assigned], numbers);
        (total, numbers, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&status=registered");
        Assert.Equal(1, total);
        Assert.Equal([registered], numbers);
    }

    [Theory]
    [InlineData("status=closedForever", "status")]
    [InlineData("channel=pigeon", "channel")]
    [InlineData("status=3", "status")]
    public async Task Search_UnknownEnumValue_400NamingParameter(string query, string field)
    {
        var (status, problem) = await app.Admin().GetJsonAsync("/api/v1/appeals?" + query);

        AssertValidationProblem(status, problem, field);
    }

    [Fact]
    public async Task Search_ByCategoryCode_OnlyThatCategory()
    {
        var phone = Appeals.NewPhone();
        await RegisterAsync(phone);
        var benefits = await RegisterAsync(phone, b => b["categoryCode"] = "social.benefits");

        var (total, numbers, body) = await app.Admin().SearchAsync($"phone={Q(phone)}&categoryCode=social.benefits");

        Assert.Equal(1, total);
        Assert.Equal([benefits], numbers);
        Assert.Equal("social.benefits", body.GetProperty("items")[0].Str("categoryCode"));
    }

    [Fact]
    public async Task Search_ByChannel_OnlyThatChannel()
    {
        var phone = Appeals.NewPhone();
        await RegisterAsync(phone);
        var telegram = await RegisterAsync(phone, b => b["channel"] = "telegram");

        var (total, numbers, body) = await app.Admin().SearchAsync($"phone={Q(phone)}&channel=telegram");

        Assert.Equal(1, total);
        Assert.Equal([telegram], numbers);
        Assert.Equal("telegram", body.GetProperty("items")[0].Str("channel"));
    }

    [Fact]
    public async Task Search_ByExecutorId_OnlyThatExecutorsAppeals()
    {
        var name = "Пошуковий виконавець " + Guid.NewGuid().ToString("N")[..6];
        var executor = await app.CreateExecutorAsync(name);
        var other = await app.CreateExecutorAsync("Інший " + Guid.NewGuid().ToString("N")[..6]);
        var mine = await RegisterAsync(Appeals.NewPhone(), b => b["executorId"] = executor);
        await RegisterAsync(Appeals.NewPhone(), b => b["executorId"] = other);

        var (total, numbers, body) = await app.Admin().SearchAsync($"executorId={executor}");

        Assert.Equal(1, total);
        Assert.Equal([mine], numbers);
        Assert.Equal(name, body.GetProperty("items")[0].GetProperty("executor").Str("name"));
    }

    [Fact]
    public async Task Search_Overdue_ListsAppealsPastTheirDeadline()
    {
        var phone = Appeals.NewPhone();
        var late = await RegisterAsync(phone);
        var (_, card) = await app.Admin().GetJsonAsync("/api/v1/appeals/" + late);
        var due = DateTimeOffset.Parse(card.Str("dueAt"), CultureInfo.InvariantCulture);
        Assert.False(card.GetProperty("overdue").GetBoolean());

        app.Time.Advance(due - app.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        var fresh = await RegisterAsync(phone);

        var (total, numbers, body) = await app.Admin().SearchAsync($"phone={Q(phone)}&overdue=true");
        Assert.Equal(1, total);
        Assert.Equal([late], numbers);
        Assert.True(body.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        (total, numbers, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&overdue=false");
        Assert.Equal(1, total);
        Assert.Equal([fresh], numbers);

        (_, card) = await app.Admin().GetJsonAsync("/api/v1/appeals/" + late);
        Assert.True(card.GetProperty("overdue").GetBoolean());
        Assert.True(card.GetProperty("questions")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Search_FullText_FindsDistinctiveWordAndItsPrefix()
    {
        var phone = Appeals.NewPhone();
        var word = "ксилофонний" + Guid.NewGuid().ToString("N")[..6];
        var found = await RegisterAsync(phone, b => b["description"] = $"Біля будинку стоїть {word} кіоск, заважає проходу");
        await RegisterAsync(phone);

        foreach (var q in new[] { word, word[..12], word.ToUpperInvariant(), $"{word} кіоск" })
        {
            var (total, numbers, _) = await app.Admin().SearchAsync("q=" + Q(q));
            Assert.True(total == 1, $"q={q}: total {total}");
            Assert.Equal([found], numbers);
        }
        var (none, _, _) = await app.Admin().SearchAsync("q=" + Q(word + " жирафа"));
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task Search_ReceivedRange_InclusiveBoundsOnReceivedAt()
    {
        var phone = Appeals.NewPhone();
        var receivedAt = new DateTimeOffset(2025, 3, 10, 11, 0, 0, TimeSpan.FromHours(2));
        var old = await RegisterAsync(phone, b => b["receivedAt"] = receivedAt);
        await RegisterAsync(phone);
        string At(DateTimeOffset t) => Q(t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));

        var (total, numbers, _) = await app.Admin().SearchAsync(
            $"phone={Q(phone)}&receivedFrom={At(receivedAt.AddHours(-1))}&receivedTo={At(receivedAt.AddHours(1))}");
        Assert.Equal(1, total);
        Assert.Equal([old], numbers);
        // Same instant written in UTC: the bounds are instants, not local text.
        (total, numbers, _) = await app.Admin().SearchAsync(
            $"phone={Q(phone)}&receivedFrom={Q("2025-03-10T09:00:00Z")}&receivedTo={Q("2025-03-10T09:00:00Z")}");
        Assert.Equal(1, total);
        Assert.Equal([old], numbers);
        (total, _, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&receivedTo={At(receivedAt.AddSeconds(-1))}");
        Assert.Equal(0, total);
        (total, _, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&receivedFrom={At(receivedAt.AddSeconds(1))}");
        Assert.Equal(1, total);
    }

    [Fact]
    public async Task Search_Paging_PagesCoverEveryMatchOnce()
    {
        var phone = Appeals.NewPhone();
        var registered = new List<string>();
        for (var i = 0; i < 5; i++)
            registered.Add(await RegisterAsync(phone, b => b["receivedAt"] = new DateTimeOffset(2026, 11, 2 + i, 9, 0, 0, TimeSpan.FromHours(2))));

        var (total, page1, body1) = await app.Admin().SearchAsync($"phone={Q(phone)}&page=1&pageSize=2");
        var (_, page2, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&page=2&pageSize=2");
        var (_, page3, body3) = await app.Admin().SearchAsync($"phone={Q(phone)}&page=3&pageSize=2");
        var (_, page4, _) = await app.Admin().SearchAsync($"phone={Q(phone)}&page=4&pageSize=2");

        Assert.Equal(5, total);
        Assert.Equal(1, body1.GetProperty("page").GetInt32());
        Assert.Equal(2, body1.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, body3.GetProperty("page").GetInt32());
        Assert.Equal(5, body3.GetProperty("total").GetInt32());
        // Newest received first.
        Assert.Equal(Enumerable.Reverse(registered), page1.Concat(page2).Concat(page3));
        Assert.Empty(page4);
    }

    [Fact]
    public async Task Search_DefaultPaging_Page1Size20()
    {
        var (_, _, body) = await app.Admin().SearchAsync("phone=" + Q(Appeals.NewPhone()));

        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(20, body.GetProperty("pageSize").GetInt32());
        Assert.Equal(0, body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Search_PagingOutOfRange_400NamingParameter(string query, string field)
    {
        var (status, problem) = await app.Admin().GetJsonAsync("/api/v1/appeals?" + query);

        AssertValidationProblem(status, problem, field);
    }

    [Fact]
    public async Task Search_PageSize200_Allowed()
    {
        var (_, _, body) = await app.Admin().SearchAsync("pageSize=200");

        Assert.Equal(200, body.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Search_FormatCsv_TextCsvWithHeaderAndRow()
    {
        var phone = Appeals.NewPhone();
        var number = await RegisterAsync(phone, b =>
        {
            b["description"] = "Не працює ліфт; другий тиждень, \"терміново\"";
            b["channel"] = "email";
        });
        var (_, card) = await app.Admin().GetJsonAsync("/api/v1/appeals/" + number);

        var response = await app.Admin().GetAsync($"/api/v1/appeals?phone={Q(phone)}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, lines.Count);
        // Headers and values in the user's language (Ukrainian by default); dates as Kyiv local time for spreadsheets.
        Assert.Equal("Реєстраційний номер;Дата і час надходження;Стан розгляду;Строк розгляду;Прострочено;Канал надходження;Вид;Пріоритет;Категорія;Виконавець;\"Прізвище, ім'я, по батькові заявника\";Контактний телефон;Ел. пошта;Місце проживання (тимчасового);Суть питання;Питань", lines[0]);
        var cells = ParseCsvLine(lines[1]);
        Assert.Equal(16, cells.Count);
        Assert.Equal(number, cells[0]);
        Assert.Equal("зареєстровано", cells[2]);
        var kyiv = (string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(kyiv(card.Str("receivedAt")), cells[1]);
        Assert.Equal(kyiv(card.Str("dueAt")), cells[3]);
        Assert.Equal("ні", cells[4]);
        Assert.Equal("електронна пошта", cells[5]);
        Assert.Equal("заява", cells[6]);
        Assert.Equal("звичайний", cells[7]);
        Assert.Equal("utilities.water", cells[8]);
        Assert.Equal("", cells[9]);
        Assert.Equal("Коваленко Олена Петрівна", cells[10]);
        // A leading '+' is neutralised so that a spreadsheet does not read the phone as a formula.
        Assert.Equal("'" + phone, cells[11]);
        Assert.Equal("Не працює ліфт; другий тиждень, \"терміново\"", cells[14]);
    }

    [Fact]
    public async Task Search_FormatCsvHiddenIdentity_MaskedEvenForAdministrator()
    {
        var phone = Appeals.NewPhone();
        var number = await RegisterAsync(phone, b => b["hideIdentity"] = true);

        var text = await app.Admin().GetStringAsync($"/api/v1/appeals?phone={Q(phone)}&format=csv");

        var row = ParseCsvLine(text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd('\r'));
        Assert.Equal(number, row[0]);
        Assert.Equal(HiddenUk, row[10]);
        Assert.Equal("", row[11]);
        Assert.DoesNotContain("Коваленко", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnknownFormat_400()
    {
        var (status, problem) = await app.Admin().GetJsonAsync("/api/v1/appeals?format=pdf");

        AssertValidationProblem(status, problem, "format");
    }

    [Fact]
    public async Task GetAppeal_HiddenIdentity_ExecutorSeesMaskOperatorSeesApplicant()
    {
        var executor = await app.CreateExecutorAsync("КП «Приховане» " + Guid.NewGuid().ToString("N")[..6]);
        var phone = Appeals.NewPhone();
        var number = await RegisterAsync(phone, b =>
        {
            b["executorId"] = executor;
            b["hideIdentity"] = true;
        });
        var executorClient = app.Client(await app.CreateKeyAsync("executor", executor));
        var operatorClient = app.Client(await app.CreateKeyAsync("operator"));

        var (status, seenByExecutor) = await executorClient.GetJsonAsync("/api/v1/appeals/" + number);
        Assert.Equal(HttpStatusCode.OK, status);
        var masked = seenByExecutor.GetProperty("applicant");
        Assert.True(masked.GetProperty("hidden").GetBoolean());
        Assert.Equal(HiddenUk, masked.Str("fullName"));
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("address").ValueKind);
        Assert.DoesNotContain(phone, seenByExecutor.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Коваленко", seenByExecutor.GetRawText(), StringComparison.Ordinal);

        var (_, executorList, listBody) = await executorClient.SearchAsync($"executorId={executor}");
        Assert.Equal([number], executorList);
        Assert.True(listBody.GetProperty("items")[0].GetProperty("applicant").GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain(phone, listBody.GetRawText(), StringComparison.Ordinal);

        var (_, seenByOperator) = await operatorClient.GetJsonAsync("/api/v1/appeals/" + number);
        var applicant = seenByOperator.GetProperty("applicant");
        Assert.False(applicant.GetProperty("hidden").GetBoolean());
        Assert.Equal("Коваленко Олена Петрівна", applicant.Str("fullName"));
        Assert.Equal(phone, applicant.Str("phone"));
        Assert.Equal("вул. Соборна, 5, кв. 12", applicant.Str("address"));
    }

    /// <summary>One line of the export: ';'-separated, RFC 4180 quotes.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

public sealed class AppealSearchTests_Sqlite(SqliteApp app) : AppealSearchTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AppealSearchTests_Postgres(PostgresApp app) : AppealSearchTests<PostgresApp>(app), IClassFixture<PostgresApp>;
