using System.Net;
using ContactCenter.Tests.Api.Workflow;

namespace ContactCenter.Tests.Control;

public abstract class RelatedAppealsTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Related_SamePhoneSameCategory_ListsTheEarlierAppealOnly()
    {
        // Other tests' applicants share the default name and address (and so count as one person): use a person of our own.
        var phone = Appeals.NewPhone();
        var person = Person(Appeals.Valid(phone: phone));
        var earlier = Number(await app.Admin().RegisterAsync(person));
        var otherCategory = Number(await app.Admin().RegisterAsync(Same(person, Appeals.Valid(category: "improvement.lighting", phone: phone))));
        app.Time.Advance(TimeSpan.FromHours(1));
        var later = Number(await app.Admin().RegisterAsync(Same(person, Appeals.Valid(phone: phone))));

        var (status, related) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{later}/related");

        Assert.Equal(HttpStatusCode.OK, status);
        var numbers = related.EnumerateArray().Select(r => r.GetProperty("registrationNumber").GetString()).ToList();
        Assert.Equal([earlier], numbers);
        Assert.DoesNotContain(otherCategory, numbers);
    }

    [Fact]
    public async Task Link_DuplicateOfOpenAppeal_SharesItsDeadline_RepeatedOfClosedOne()
    {
        var cast = await Cast.Of(app);
        var open = await cast.AssignedAsync();
        var openDue = (await cast.CardAsync(open)).GetProperty("dueAt").GetString();
        app.Time.Advance(TimeSpan.FromDays(3));
        var duplicate = Number(await app.Admin().RegisterAsync(Appeals.Valid()));

        var (status, card) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/appeals/{duplicate}/link", new { kind = "duplicate", registrationNumber = open });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(open, card.GetProperty("flags").GetProperty("duplicateOf").GetString());
        Assert.Equal(openDue, card.GetProperty("dueAt").GetString());

        var closed = await cast.AssignedAsync();
        await cast.OkAsync(cast.Operator, closed, "answer", new { text = "Роз'яснено" }, "closed");
        var (refused, problem) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/appeals/{duplicate}/link", new { kind = "duplicate", registrationNumber = closed });
        Assert.Equal((HttpStatusCode)422, refused);
        Assert.Equal("duplicate.earlierClosed", problem.GetProperty("code").GetString());

        var (ok, repeated) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/appeals/{duplicate}/link", new { kind = "repeated", registrationNumber = closed });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(closed, repeated.GetProperty("flags").GetProperty("repeatOf").GetString());
        Assert.Equal(JsonNull, repeated.GetProperty("flags").GetProperty("duplicateOf").ValueKind);
    }

    [Fact]
    public async Task Resonant_ByOperator_FlagSetAndExecutorForbidden()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();

        var (forbidden, _) = await cast.As(cast.Executor).PostJsonAsync($"/api/v1/appeals/{number}/resonant", new { reason = "ЗМІ" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);

        var (status, card) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/appeals/{number}/resonant", new { reason = "Публікація в місцевих ЗМІ" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(card.GetProperty("flags").GetProperty("resonant").GetBoolean());
        var history = await cast.HistoryAsync(number);
        Assert.Equal("markedResonant", history[^1].GetProperty("action").GetString());
    }

    private static Dictionary<string, object?> Person(Dictionary<string, object?> body)
    {
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["fullName"] = "Тестовий Заявник " + body["applicant"]!.GetHashCode();
        applicant["address"] = "вул. Окрема, " + Random.Shared.Next(1, 100_000);
        return body;
    }

    private static Dictionary<string, object?> Same(Dictionary<string, object?> person, Dictionary<string, object?> body)
    {
        body["applicant"] = person["applicant"];
        return body;
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private static string Number(System.Text.Json.JsonElement card) => card.GetProperty("registrationNumber").GetString()!;
}

public sealed class RelatedAppealsTests_Sqlite(SqliteApp app) : RelatedAppealsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RelatedAppealsTests_Postgres(PostgresApp app) : RelatedAppealsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
