using System.Net;
using System.Text.Json;
using ContactCenter.Features.Routing;
using Microsoft.EntityFrameworkCore;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>
/// What a successful registration produces: the stored phone, routing (F3.2, R7), several questions with their own
/// deadlines (F1.10), idempotent replays by externalId, and the card of API.md.
/// The fixture's clock stands still at Tue 2026-11-24 10:00 Kyiv in this class.
/// </summary>
public abstract class RegisterAppealTests<TApp>(TApp app) where TApp : AppFixture
{
    private const string Url = "/api/v1/appeals";

    [Fact]
    public async Task Register_PhoneInAnyForm_StoredAsE164AndFoundByAnyForm()
    {
        var e164 = Appeals.NewPhone(); // +38067NNNNNNN
        var subscriber = e164[6..];
        string[] forms =
        [
            "067" + subscriber,
            $"+380 67 {subscriber[..3]} {subscriber[3..5]} {subscriber[5..]}",
            "38067" + subscriber,
            $"(067) {subscriber[..3]}-{subscriber[3..5]}-{subscriber[5..]}",
        ];

        var numbers = new List<string>();
        foreach (var form in forms)
        {
            var appeal = await app.Admin().RegisterAsync(Appeals.Valid(phone: form));
            Assert.Equal(e164, appeal.GetProperty("applicant").Str("phone"));
            numbers.Add(appeal.Number());
        }

        var stored = await app.WithDbAsync(db => db.Appeals.Where(a => numbers.Contains(a.RegistrationNumber)).Select(a => a.Applicant.Phone).ToListAsync());
        Assert.Equal(Enumerable.Repeat<string?>(e164, forms.Length), stored);
        foreach (var form in forms.Append(e164))
        {
            var (total, found, _) = await app.Admin().SearchAsync("phone=" + Q(form));
            Assert.Equal(forms.Length, total);
            Assert.Equal(numbers.Order(), found.Order());
        }
    }

    [Fact]
    public async Task Search_InvalidPhone_400NamingPhone()
    {
        var (status, problem) = await app.Admin().GetJsonAsync("/api/v1/appeals?phone=" + Q("12-34"));

        var errors = AssertValidationProblem(status, problem, "phone");
        Assert.Equal(["Некоректний номер телефону. Приклад: 050 123 45 67."], errors["phone"]);
    }

    [Fact]
    public async Task Register_ComplaintRoutedToContestedExecutor_GoesToItsParent()
    {
        var parent = await app.CreateExecutorAsync("Департамент ЖКГ " + Guid.NewGuid().ToString("N")[..6]);
        var child = await app.CreateExecutorAsync("КП «Водоканал» " + Guid.NewGuid().ToString("N")[..6], parent);
        var category = await app.CreateCategoryAsync(defaultExecutorId: child);

        var complaint = Appeals.Valid(category: category);
        complaint["kind"] = "complaint";
        complaint["contestedExecutorId"] = child;
        var routed = await app.Admin().RegisterAsync(complaint);

        Assert.Equal("assigned", routed.Str("status"));
        Assert.Equal(parent, routed.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal(parent, routed.GetProperty("questions")[0].GetProperty("executor").GetProperty("id").GetInt32());

        // The same category without a contested executor still goes to the child: the parent came from R7, not the rule.
        var application = await app.Admin().RegisterAsync(Appeals.Valid(category: category));
        Assert.Equal(child, application.GetProperty("executor").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Register_ComplaintContestingTopLevelExecutor_StaysRegisteredForOperator()
    {
        var top = await app.CreateExecutorAsync("Управління без батька " + Guid.NewGuid().ToString("N")[..6]);
        var category = await app.CreateCategoryAsync(defaultExecutorId: top);
        var complaint = Appeals.Valid(category: category);
        complaint["kind"] = "complaint";
        complaint["contestedExecutorId"] = top;

        var appeal = await app.Admin().RegisterAsync(complaint);

        Assert.Equal("registered", appeal.Str("status"));
        Assert.Equal(JsonValueKind.Null, appeal.GetProperty("executor").ValueKind);
    }

    [Fact]
    public async Task Register_TwoQuestions_EachNumberedWithOwnDeadline()
    {
        // Received Tue 24 Nov 10:00. Simple, 5 working days: Tue 1 Dec 17:00.
        // Complex, 20 working days: 25–27 Nov (3), 30 Nov–4 Dec (8), 7–11 (13), 14–18 (18), Mon 21 (19), Tue 22 Dec (20).
        var body = Appeals.Valid();
        body.Remove("categoryCode");
        body.Remove("description");
        body.Remove("location");
        body.Remove("executorId");
        body["questions"] = new object[]
        {
            new { categoryCode = "utilities.water", description = "Немає холодної води", location = new { address = "вул. Соборна, 5" } },
            new { categoryCode = "social.benefits", description = "Не нараховано субсидію" },
        };

        var appeal = await app.Admin().RegisterAsync(body);

        var questions = appeal.GetProperty("questions");
        Assert.Equal(2, questions.GetArrayLength());
        Assert.Equal(1, questions[0].GetProperty("number").GetInt32());
        Assert.Equal("utilities.water", questions[0].Str("categoryCode"));
        Assert.Equal("simple", questions[0].Str("reviewTrack"));
        Assert.Equal("2026-12-01T17:00:00+02:00", questions[0].Str("dueAt"));
        Assert.Equal("вул. Соборна, 5", questions[0].GetProperty("location").Str("address"));
        Assert.Equal(2, questions[1].GetProperty("number").GetInt32());
        Assert.Equal("social.benefits", questions[1].Str("categoryCode"));
        Assert.Equal("complex", questions[1].Str("reviewTrack"));
        Assert.Equal("2026-12-22T17:00:00+02:00", questions[1].Str("dueAt"));
        Assert.Equal("2026-12-22T17:00:00+02:00", appeal.Str("dueAt"));
        Assert.Equal("registered", appeal.Str("status"));
        Assert.Equal("1. Немає холодної води\n\n2. Не нараховано субсидію", appeal.Str("description"));

        var (status, card) = await app.Admin().GetJsonAsync(Url + "/" + appeal.Number());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-12-22T17:00:00+02:00", card.Str("dueAt"));
        Assert.Equal(2, card.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task Register_QuestionMissingCategory_400NamingQuestionIndex()
    {
        var body = Appeals.Valid();
        body.Remove("categoryCode");
        body.Remove("description");
        body.Remove("executorId");
        body["questions"] = new object[]
        {
            new { categoryCode = "social.benefits", description = "Субсидія" },
            new { description = "Без категорії" },
        };

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        AssertValidationProblem(status, problem, "questions[1].categoryCode");
    }

    [Fact]
    public async Task Register_NoExecutorAndRoutingRule_AssignedToRuleExecutor()
    {
        var byDefault = await app.CreateExecutorAsync("За замовчуванням " + Guid.NewGuid().ToString("N")[..6]);
        var byRule = await app.CreateExecutorAsync("За правилом " + Guid.NewGuid().ToString("N")[..6]);
        var category = await app.CreateCategoryAsync(defaultExecutorId: byDefault);
        var (ruleStatus, _) = await app.Admin().PostJsonAsync("/api/v1/routing/rules", new { categoryCode = category, executorId = byRule });
        Assert.Equal(System.Net.HttpStatusCode.Created, ruleStatus);

        var appeal = await app.Admin().RegisterAsync(Appeals.Valid(category: category));

        Assert.Equal("assigned", appeal.Str("status"));
        Assert.Equal(byRule, appeal.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal("assigned", appeal.GetProperty("questions")[0].Str("status"));
    }

    [Fact]
    public async Task Register_NoExecutorAndCategoryDefault_AssignedToDefaultExecutor()
    {
        var name = "КП «Міськсвітло» " + Guid.NewGuid().ToString("N")[..6];
        var executor = await app.CreateExecutorAsync(name);
        var category = await app.CreateCategoryAsync(defaultExecutorId: executor);

        var appeal = await app.Admin().RegisterAsync(Appeals.Valid(category: category));

        Assert.Equal("assigned", appeal.Str("status"));
        Assert.Equal(executor, appeal.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal(name, appeal.GetProperty("executor").Str("name"));
        var (_, history) = await app.Admin().GetJsonAsync($"{Url}/{appeal.Number()}/history");
        Assert.Equal(["registered", "assigned"], history.EnumerateArray().Select(h => h.Str("action")));
    }

    [Fact]
    public async Task Register_ExplicitExecutor_OverridesRouting()
    {
        var routed = await app.CreateExecutorAsync("Маршрутизований " + Guid.NewGuid().ToString("N")[..6]);
        var chosen = await app.CreateExecutorAsync("Обраний оператором " + Guid.NewGuid().ToString("N")[..6]);
        var category = await app.CreateCategoryAsync(defaultExecutorId: routed);
        var (ruleStatus, _) = await app.Admin().PostJsonAsync("/api/v1/routing/rules", new { categoryCode = category, executorId = routed });
        Assert.Equal(System.Net.HttpStatusCode.Created, ruleStatus);

        var appeal = await app.Admin().RegisterAsync(Appeals.Valid(category: category, executorId: chosen));

        Assert.Equal("assigned", appeal.Str("status"));
        Assert.Equal(chosen, appeal.GetProperty("executor").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Register_NoExecutorAndNoRouting_StaysRegistered()
    {
        var category = await app.CreateCategoryAsync();

        var appeal = await app.Admin().RegisterAsync(Appeals.Valid(category: category));

        Assert.Equal("registered", appeal.Str("status"));
        Assert.Equal(JsonValueKind.Null, appeal.GetProperty("executor").ValueKind);
    }

    [Fact]
    public async Task Register_SameExternalIdTwice_SecondReturnsTheFirstCard()
    {
        var externalId = "1545-" + Guid.NewGuid().ToString("N");
        var body = Appeals.Valid();
        body["externalId"] = externalId;
        body["channel"] = "unifiedSystem";

        var (first, firstBody) = await app.Admin().PostForResponseAsync(Url, body);
        var (second, secondBody) = await app.Admin().PostForResponseAsync(Url, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/v1/appeals/{firstBody.Number()}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody.Number(), secondBody.Number());
        Assert.Equal(externalId, secondBody.Str("externalId"));
        Assert.Equal(firstBody.Str("dueAt"), secondBody.Str("dueAt"));
        var rows = await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.ExternalId == externalId));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task GetAppeal_UnknownNumber_404ProblemDetails()
    {
        var response = await app.Admin().GetAsync(Url + "/99-99999");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Не знайдено", problem.Str("title"));
        Assert.Equal("Звернення 99-99999 не знайдено.", problem.Str("detail"));
    }

    [Fact]
    public async Task GetAppeal_Registered_CardHasEveryContractField()
    {
        var executor = await app.CreateExecutorAsync("КП «Водоканал» " + Guid.NewGuid().ToString("N")[..6]);
        var phone = Appeals.NewPhone();
        var body = Appeals.Valid(executorId: executor, phone: phone);
        body["priority"] = "urgent";
        body.Applicant()["privilegeCategory"] = "combatVeteran";

        var registered = await app.Admin().RegisterAsync(body);
        var (status, card) = await app.Admin().GetJsonAsync(Url + "/" + registered.Number());

        Assert.Equal(HttpStatusCode.OK, status);
        string[] contract =
        [
            "registrationNumber", "status", "receivedAt", "registeredAt", "dueAt", "overdue", "channel", "kind", "applicant",
            "categoryCode", "description", "location", "priority", "reviewTrack", "executor", "assignee", "flags", "result",
            "verification", "questions",
        ];
        var present = card.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal("", string.Join(",", contract.Where(f => !present.Contains(f))));

        Assert.Equal(registered.Number(), card.Str("registrationNumber"));
        Assert.Matches(@"^26-\d{5}$", card.Str("registrationNumber"));
        Assert.Equal("assigned", card.Str("status"));
        Assert.Equal("2026-11-24T10:00:00+02:00", card.Str("receivedAt"));
        Assert.Equal("2026-11-24T10:00:00+02:00", card.Str("registeredAt"));
        // Urgent priority takes the urgent track: one working day, Wednesday 25 November at 17:00.
        Assert.Equal("2026-11-25T17:00:00+02:00", card.Str("dueAt"));
        Assert.False(card.GetProperty("overdue").GetBoolean());
        Assert.Equal("phone", card.Str("channel"));
        Assert.Equal("application", card.Str("kind"));
        Assert.Equal("oral", card.Str("form"));
        var applicant = card.GetProperty("applicant");
        Assert.Equal("Коваленко Олена Петрівна", applicant.Str("fullName"));
        Assert.Equal(phone, applicant.Str("phone"));
        Assert.Equal("вул. Соборна, 5, кв. 12", applicant.Str("address"));
        Assert.Equal("combatVeteran", applicant.Str("privilegeCategory"));
        Assert.False(applicant.GetProperty("hidden").GetBoolean());
        Assert.Equal("utilities.water", card.Str("categoryCode"));
        Assert.Equal("Третій день немає холодної води в під'їзді", card.Str("description"));
        Assert.Equal("вул. Соборна, 5", card.GetProperty("location").Str("address"));
        Assert.Equal("urgent", card.Str("priority"));
        Assert.Equal("urgent", card.Str("reviewTrack"));
        Assert.Equal(executor, card.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("assignee").ValueKind);
        var flags = card.GetProperty("flags");
        Assert.Equal(JsonValueKind.Null, flags.GetProperty("repeatOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, flags.GetProperty("duplicateOf").ValueKind);
        Assert.False(flags.GetProperty("resonant").GetBoolean());
        Assert.False(flags.GetProperty("additionalControl").GetBoolean());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, card.GetProperty("verification").ValueKind);

        var question = Assert.Single(card.GetProperty("questions").EnumerateArray());
        string[] questionContract = ["number", "categoryCode", "description", "location", "status", "dueAt", "executor", "coExecutors", "result"];
        var questionFields = question.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal("", string.Join(",", questionContract.Where(f => !questionFields.Contains(f))));
        Assert.Equal(1, question.GetProperty("number").GetInt32());
        Assert.Equal("assigned", question.Str("status"));
        Assert.Equal("2026-11-25T17:00:00+02:00", question.Str("dueAt"));
        Assert.Equal(executor, question.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal(0, question.GetProperty("coExecutors").GetArrayLength());
    }
}

public sealed class RegisterAppealTests_Sqlite(SqliteApp app) : RegisterAppealTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegisterAppealTests_Postgres(PostgresApp app) : RegisterAppealTests<PostgresApp>(app), IClassFixture<PostgresApp>;
