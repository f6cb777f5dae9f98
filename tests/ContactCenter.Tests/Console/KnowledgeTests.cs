using System.Net;
using System.Text.Json;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Knowledge;
using ContactCenter.Tests.Infrastructure;

namespace ContactCenter.Tests.Console;

/// <summary>Knowledge-base search (F7) and consultations (F1.8) over HTTP.</summary>
public abstract class KnowledgeTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<int> ArticleAsync(string title, string body, bool isPublic = true, string? category = null) =>
        await app.WithDbAsync(async db =>
        {
            var a = new KnowledgeArticle
            {
                Title = title,
                Body = body,
                IsPublic = isPublic,
                CategoryCode = category,
                SearchText = KnowledgeArticle.SearchTextOf(title, body),
                UpdatedAt = app.Time.GetUtcNow(),
            };
            db.KnowledgeArticles.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    [Fact]
    public async Task Search_RanksByMatchedWords_InternalOnlyForStaff()
    {
        var tag = "зорепад" + Guid.NewGuid().ToString("N")[..4];
        var one = await ArticleAsync($"Графік вивезення сміття {tag}", "Сміття вивозять щопонеділка.");
        var both = await ArticleAsync($"Тарифи на воду {tag}", $"Тариф на холодну воду та вивезення сміття змінився. {tag}");
        var hidden = await ArticleAsync($"Внутрішня інструкція {tag}", "Для операторів: тарифи на воду.", isPublic: false);

        var (status, body) = await app.Admin().GetJsonAsync($"/api/v1/knowledge?q={Uri.EscapeDataString(tag + " тарифи води")}");
        Assert.Equal(HttpStatusCode.OK, status);
        var ids = body.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()).ToList();
        // Title and body contain the tag and the tariff words: it comes first; the internal article is found by staff.
        Assert.Equal(both, ids[0]);
        Assert.Contains(one, ids);
        Assert.Contains(hidden, ids);
        Assert.True(body[0].GetProperty("score").GetInt32() > body[ids.IndexOf(one)].GetProperty("score").GetInt32());

        // Word endings differ («води» / «воду»): the stem still finds it.
        var (_, water) = await app.Admin().GetJsonAsync("/api/v1/knowledge?q=" + Uri.EscapeDataString("тариф воду " + tag));
        Assert.Contains(both, water.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));

        // An integration key (not staff) gets only public articles.
        var integration = app.Client(await app.CreateKeyAsync(Roles.Integration));
        var (_, pub) = await integration.GetJsonAsync($"/api/v1/knowledge?q={Uri.EscapeDataString(tag + " тарифи")}");
        Assert.DoesNotContain(hidden, pub.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await integration.GetAsync($"/api/v1/knowledge/{hidden}")).StatusCode);

        // Nothing to search for: an empty list, not every article.
        var (_, none) = await app.Admin().GetJsonAsync("/api/v1/knowledge?q=%20%3F");
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(null).GetAsync("/api/v1/knowledge?q=вода")).StatusCode);
    }

    [Fact]
    public async Task Consultation_Logged_ListedByPhone_AnonymousAllowed_ValidationNamesEveryField()
    {
        var article = await ArticleAsync("Як отримати субсидію", "Зверніться до ЦНАП з паспортом.");
        var operatorClient = app.Client(await app.CreateKeyAsync(Roles.Operator));
        var phone = Appeals.NewPhone();
        var (created, view) = await operatorClient.PostJsonAsync("/api/v1/consultations",
            new { topic = "Субсидія на опалення", categoryCode = "utilities.water", articleId = article, callerPhone = phone.Replace("+38", "", StringComparison.Ordinal), callId = "pbx-1" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(phone, view.GetProperty("callerPhone").GetString());
        Assert.Equal("Як отримати субсидію", view.GetProperty("articleTitle").GetString());

        // An anonymous caller may be consulted: no phone.
        var (anonymous, _) = await operatorClient.PostJsonAsync("/api/v1/consultations", new { topic = "Графік прийому громадян" });
        Assert.Equal(HttpStatusCode.Created, anonymous);

        var (listed, page) = await operatorClient.GetJsonAsync("/api/v1/consultations?phone=" + Uri.EscapeDataString(phone));
        Assert.Equal(HttpStatusCode.OK, listed);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Субсидія на опалення", item.GetProperty("topic").GetString());

        var (bad, problem) = await operatorClient.PostJsonAsync("/api/v1/consultations", new { topic = "", categoryCode = "no.such", articleId = 999999, callerPhone = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "topic", "categoryCode", "articleId", "callerPhone" })
            Assert.True(errors.TryGetProperty(field, out _), field + " missing in " + errors);

        // Not an executor's business.
        var executor = app.Client(await app.CreateKeyAsync(Roles.Executor, await app.CreateExecutorAsync("Консультації " + Guid.NewGuid().ToString("N")[..4])));
        Assert.Equal(HttpStatusCode.Forbidden, (await executor.PostJsonAsync("/api/v1/consultations", new { topic = "x" })).Status);
    }
}

public sealed class KnowledgeTests_Sqlite(SqliteApp app) : KnowledgeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeTests_Postgres(PostgresApp app) : KnowledgeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
