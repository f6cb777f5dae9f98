using System.Net;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>
/// POST /api/v1/appeals refuses what the law does not let us register (R1, R3, R7) with a 400 ProblemDetails that
/// names every invalid field. The fixture's clock stands still at Tue 2026-11-24 10:00 Kyiv in this class.
/// </summary>
public abstract class RegistrationValidationTests<TApp>(TApp app) where TApp : AppFixture
{
    private const string Url = "/api/v1/appeals";

    [Theory]
    [InlineData("applicant.fullName", "Вкажіть прізвище, ім'я та по батькові заявника (ст. 5 Закону «Про звернення громадян»).")]
    [InlineData("applicant.address", "Вкажіть місце проживання заявника (ст. 5 Закону).")]
    [InlineData("description", "Викладіть суть звернення.")]
    [InlineData("categoryCode", "Оберіть категорію.")]
    [InlineData("channel", "Обов'язкове поле.")]
    [InlineData("kind", "Обов'язкове поле.")]
    public async Task Register_RequiredFieldMissing_400NamingThatField(string field, string message)
    {
        var body = Appeals.Valid();
        if (field.StartsWith("applicant.", StringComparison.Ordinal))
            body.Applicant().Remove(field["applicant.".Length..]);
        else
            body.Remove(field);

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, field);
        Assert.Equal([message], errors[field]);
        Assert.Equal("Дані заповнено з помилками", problem.Str("title"));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Register_BlankRequiredStrings_400SameAsMissing(string blank)
    {
        var body = Appeals.Valid();
        body.Applicant()["fullName"] = blank;
        body.Applicant()["address"] = blank;
        body["description"] = blank;

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        AssertValidationProblem(status, problem, "applicant.fullName", "applicant.address", "description");
    }

    [Fact]
    public async Task Register_EveryRequiredFieldMissing_400ListsThemAllTogether()
    {
        var (status, problem) = await app.Admin().PostJsonAsync(Url, new { });

        AssertValidationProblem(status, problem,
            "applicant.fullName", "applicant.address", "description", "categoryCode", "channel", "kind");
    }

    [Theory]
    [InlineData("анонім")]
    [InlineData("Анонім")]
    [InlineData(" anonymous ")]
    [InlineData("Без імені")]
    public async Task Register_AnonymousName_400WithArticle8Explanation(string name)
    {
        var body = Appeals.Valid();
        body.Applicant()["fullName"] = name;

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "applicant.fullName");
        Assert.Equal(["Анонімні звернення не розглядаються (ст. 8 Закону «Про звернення громадян»). Заявнику можна надати консультацію."],
            errors["applicant.fullName"]);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("email")]
    public async Task Register_ElectronicChannelWithoutContact_400AskingForEmail(string channel)
    {
        var body = Appeals.Valid();
        body["channel"] = channel;
        body.Applicant().Remove("phone");

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "applicant.email");
        Assert.Equal(["Для електронного звернення вкажіть електронну пошту або інший засіб зв'язку (ст. 5 Закону)."], errors["applicant.email"]);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("email")]
    public async Task Register_ElectronicChannelWithEmailOnly_201ElectronicForm(string channel)
    {
        var body = Appeals.Valid();
        body["channel"] = channel;
        body.Applicant().Remove("phone");
        body.Applicant()["email"] = "olena.kovalenko@example.com";

        var appeal = await app.Admin().RegisterAsync(body);

        Assert.Equal(channel, appeal.Str("channel"));
        Assert.Equal("electronic", appeal.Str("form"));
        Assert.Equal("olena.kovalenko@example.com", appeal.GetProperty("applicant").Str("email"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("050-12")]
    [InlineData("телефон")]
    [InlineData("+380 50 123 45 67 89")]
    public async Task Register_InvalidPhone_400NamingPhone(string phone)
    {
        var body = Appeals.Valid(phone: phone);

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "applicant.phone");
        Assert.Equal(["Некоректний номер телефону. Приклад: 050 123 45 67."], errors["applicant.phone"]);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("olena@")]
    [InlineData("Олена <olena@example.com>")]
    [InlineData("a@b@example.com")]
    public async Task Register_InvalidEmail_400NamingEmail(string email)
    {
        var body = Appeals.Valid();
        body.Applicant()["email"] = email;

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "applicant.email");
        Assert.Equal(["Некоректна адреса електронної пошти."], errors["applicant.email"]);
    }

    [Fact]
    public async Task Register_UnknownCategory_400NamingCategory()
    {
        var (status, problem) = await app.Admin().PostJsonAsync(Url, Appeals.Valid(category: "no.such.category"));

        var errors = AssertValidationProblem(status, problem, "categoryCode");
        Assert.Equal(["Невідома категорія «no.such.category»."], errors["categoryCode"]);
    }

    [Fact]
    public async Task Register_UnknownExecutor_400NamingExecutor()
    {
        var (status, problem) = await app.Admin().PostJsonAsync(Url, Appeals.Valid(executorId: 987654));

        var errors = AssertValidationProblem(status, problem, "executorId");
        Assert.Equal(["Невідомий виконавець 987654."], errors["executorId"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(0)]
    public async Task Register_CollectiveWithoutSignatories_400NamingSignatories(int? signatories)
    {
        var body = Appeals.Valid();
        body["isCollective"] = true;
        body["signatoriesCount"] = signatories;

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "signatoriesCount");
        Assert.Equal(["Для колективного звернення вкажіть кількість підписантів (не менше 2)."], errors["signatoriesCount"]);
    }

    [Fact]
    public async Task Register_CollectiveWithSignatories_201KeepsCount()
    {
        var body = Appeals.Valid();
        body["isCollective"] = true;
        body["signatoriesCount"] = 37;

        var appeal = await app.Admin().RegisterAsync(body);

        Assert.True(appeal.GetProperty("isCollective").GetBoolean());
        Assert.Equal(37, appeal.GetProperty("signatoriesCount").GetInt32());
    }

    [Theory]
    [InlineData("2026-11-24T10:10:00+02:00")]
    [InlineData("2026-11-24T08:02:01Z")]
    [InlineData("2027-01-01T00:00:00+02:00")]
    public async Task Register_ReceivedAtInFuture_400NamingReceivedAt(string receivedAt)
    {
        var body = Appeals.Valid();
        body["receivedAt"] = DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture);

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "receivedAt");
        Assert.Equal(["Дата надходження не може бути в майбутньому."], errors["receivedAt"]);
    }

    [Fact]
    public async Task Register_ReceivedAtWithinClockSkew_201TakenAsNow()
    {
        var body = Appeals.Valid();
        body["receivedAt"] = app.Time.GetUtcNow().AddSeconds(90);

        var appeal = await app.Admin().RegisterAsync(body);

        Assert.Equal("2026-11-24T10:00:00+02:00", appeal.Str("receivedAt"));
        Assert.Equal("2026-11-24T10:00:00+02:00", appeal.Str("registeredAt"));
        Assert.Equal("2026-12-01T17:00:00+02:00", appeal.Str("dueAt"));
    }

    [Fact]
    public async Task Register_ReceivedEarlier_DeadlineCountsFromReceivedDate()
    {
        // F1.7: a letter received on Friday 20 November is registered on Tuesday 24th. Five working days from
        // the 20th: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27 — and Friday closes at 15:45.
        var body = Appeals.Valid();
        body["receivedAt"] = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(2));
        body["channel"] = "written";

        var appeal = await app.Admin().RegisterAsync(body);

        Assert.Equal("2026-11-20T09:00:00+02:00", appeal.Str("receivedAt"));
        Assert.Equal("2026-11-24T10:00:00+02:00", appeal.Str("registeredAt"));
        Assert.Equal("2026-11-27T15:45:00+02:00", appeal.Str("dueAt"));
        Assert.Equal("2026-11-27T15:45:00+02:00", appeal.GetProperty("questions")[0].Str("dueAt"));
        Assert.Equal("written", appeal.Str("form"));
    }

    [Theory]
    [InlineData("{ \"channel\": \"phone\", ")]
    [InlineData("{ \"channel\": \"phone\" } trailing")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"isCollective\": \"yes\" }")]
    public async Task Register_MalformedJson_400ProblemDetailsNot500(string json)
    {
        var (response, problem) = await app.Admin().PostRawJsonAsync(Url, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = Errors(problem);
        Assert.Single(errors);
        Assert.Equal(["Некоректний формат даних (JSON) або значення поля"], errors.Values.Single());
    }

    [Theory]
    [InlineData("channel", "pigeon")]
    [InlineData("kind", "petition")]
    [InlineData("priority", "veryUrgent")]
    [InlineData("channel", "1")]
    public async Task Register_WrongEnumValue_400NamingThatField(string field, string value)
    {
        var body = Appeals.Valid();
        body[field] = value;

        var (response, problem) = await app.Admin().PostForResponseAsync(Url, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var errors = Errors(problem);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(["Некоректний формат даних (JSON) або значення поля"], errors[field]);
    }

    [Fact]
    public async Task Register_EnglishClient_400InEnglish()
    {
        var body = Appeals.Valid();
        body.Remove("description");
        body.Applicant()["fullName"] = "анонім";

        var (status, problem) = await app.Client(language: "en").PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "description", "applicant.fullName");
        Assert.Equal(["Describe the substance of the appeal."], errors["description"]);
        Assert.Equal(["Anonymous appeals are not considered (Art. 8). The caller may still get a consultation."], errors["applicant.fullName"]);
        Assert.Equal("One or more fields are invalid", problem.Str("title"));
    }

    [Fact]
    public async Task Register_EnglishClientMalformedJson_400InEnglish()
    {
        var (response, problem) = await app.Client(language: "en").PostRawJsonAsync(Url, "{ \"channel\": \"pigeon\" }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Malformed JSON or an invalid value"], Errors(problem)["channel"]);
        Assert.Equal("One or more fields are invalid", problem.Str("title"));
    }

    [Fact]
    public async Task Register_ComplaintSentToContestedExecutor_400R7()
    {
        var executor = await app.CreateExecutorAsync("КП «Оскаржуване» " + Guid.NewGuid().ToString("N")[..6]);
        var body = Appeals.Valid(executorId: executor);
        body["kind"] = "complaint";
        body["contestedExecutorId"] = executor;

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "executorId");
        Assert.Equal(["Скаргу не можна направляти виконавцю, дії якого оскаржуються (ст. 7 Закону)."], errors["executorId"]);
    }

    [Fact]
    public async Task Register_QuestionsWithTopLevelCategory_400Mixed()
    {
        var body = Appeals.Valid();
        body["questions"] = new[] { new { categoryCode = "social.benefits", description = "Перерахунок субсидії" } };

        var (status, problem) = await app.Admin().PostJsonAsync(Url, body);

        var errors = AssertValidationProblem(status, problem, "questions");
        Assert.Equal(["Вкажіть або поле questions, або categoryCode/description, але не обидва."], errors["questions"]);
    }
}

public sealed class RegistrationValidationTests_Sqlite(SqliteApp app) : RegistrationValidationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegistrationValidationTests_Postgres(PostgresApp app) : RegistrationValidationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
