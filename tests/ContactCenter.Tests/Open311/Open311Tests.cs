using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Open311;

/// <summary>GeoReport v2 conformance (INTEGRATIONS.md, open311.org): every endpoint in JSON and XML, and its errors.</summary>
public abstract class Open311Tests<TApp>(TApp app) where TApp : AppFixture
{
    private const string V2 = "/open311/v2";

    private HttpClient Anonymous() => app.Client(null);

    private static async Task<(HttpStatusCode Status, JsonElement Json)> Json(HttpResponseMessage r)
    {
        Assert.StartsWith("application/json", r.Content.Headers.ContentType?.ToString());
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, XElement Root)> Xml(HttpResponseMessage r)
    {
        Assert.StartsWith("application/xml", r.Content.Headers.ContentType?.ToString());
        return (r.StatusCode, XDocument.Parse(await r.Content.ReadAsStringAsync()).Root!);
    }

    private static Dictionary<string, string> Form(string apiKey, string service = "utilities.water", string? description = null) => new()
    {
        ["api_key"] = apiKey,
        ["service_code"] = service,
        ["address_string"] = "вул. Соборна, 5",
        ["description"] = description ?? "Немає холодної води з ранку",
        ["first_name"] = "Олена",
        ["last_name"] = "Коваленко",
        ["email"] = "olena@example.com",
        ["phone"] = "+380671234567",
    };

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string format = "json") =>
        await Anonymous().PostAsync($"{V2}/requests.{format}", new FormUrlEncodedContent(form));

    private async Task<string> IntegrationKeyAsync() => await app.CreateKeyAsync(Roles.Integration);

    private async Task<string> PostOkAsync(string? description = null, string service = "utilities.water")
    {
        var (status, json) = await Json(await PostAsync(Form(await IntegrationKeyAsync(), service, description)));
        Assert.True(status == HttpStatusCode.OK, json.ToString());
        return json[0].GetProperty("service_request_id").GetString()!;
    }

    [Fact]
    public async Task Discovery_JsonAndXml_ListEndpointWithFormats()
    {
        var (s1, json) = await Json(await Anonymous().GetAsync($"{V2}/discovery.json"));
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("changeset").GetString()));
        Assert.True(json.TryGetProperty("contact", out _));
        Assert.True(json.TryGetProperty("key_service", out _));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2/", endpoint.GetProperty("url").GetString());
        Assert.Contains("text/xml", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var (s2, xml) = await Xml(await Anonymous().GetAsync($"{V2}/discovery.xml"));
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Services_JsonAndXml_LeafCategoriesWithTheSpecFields()
    {
        var (_, json) = await Json(await Anonymous().GetAsync($"{V2}/services.json"));
        var water = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "utilities.water");
        Assert.Equal("Водопостачання", water.GetProperty("service_name").GetString());
        Assert.Equal("realtime", water.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, water.GetProperty("metadata").ValueKind);
        Assert.Equal("Житлово-комунальне господарство", water.GetProperty("group").GetString());
        foreach (var field in new[] { "description", "keywords" })
            Assert.True(water.TryGetProperty(field, out _), field);
        // A parent category is a group, not a service.
        Assert.DoesNotContain(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "utilities");

        var (_, xml) = await Xml(await Anonymous().GetAsync($"{V2}/services.xml"));
        Assert.Equal("services", xml.Name.LocalName);
        var x = xml.Elements("service").Single(s => s.Element("service_code")!.Value == "utilities.water");
        Assert.Equal("false", x.Element("metadata")!.Value);
        Assert.Equal(json.GetArrayLength(), xml.Elements("service").Count());
    }

    [Fact]
    public async Task ServiceDefinition_CategoryWithAttributes_ListsThemInBothFormats_AndPostValidatesThem()
    {
        await app.WithDbAsync(async db =>
        {
            var c = await db.Categories.SingleAsync(c => c.Code == "improvement.lighting");
            c.Open311Attributes = Open311Attribute.Serialize(
            [
                new Open311Attribute("pole", "string", false, "Номер опори", Order: 2),
                new Open311Attribute("kind", "singlevaluelist", true, "Що сталося", Order: 1,
                    Values: [new Open311AttributeValue("dark", "Не світить"), new Open311AttributeValue("day", "Світить удень")]),
            ]);
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<CategoryDirectory>().Invalidate();

        var (_, services) = await Json(await Anonymous().GetAsync($"{V2}/services.json"));
        Assert.True(services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "improvement.lighting").GetProperty("metadata").GetBoolean());

        var (status, json) = await Json(await Anonymous().GetAsync($"{V2}/services/improvement.lighting.json"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("improvement.lighting", json.GetProperty("service_code").GetString());
        var attrs = json.GetProperty("attributes");
        Assert.Equal(["kind", "pole"], attrs.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal("singlevaluelist", attrs[0].GetProperty("datatype").GetString());
        Assert.True(attrs[0].GetProperty("required").GetBoolean());
        Assert.True(attrs[0].GetProperty("variable").GetBoolean());
        Assert.Equal(1, attrs[0].GetProperty("order").GetInt32());
        Assert.Equal("dark", attrs[0].GetProperty("values")[0].GetProperty("key").GetString());
        Assert.Equal("Не світить", attrs[0].GetProperty("values")[0].GetProperty("name").GetString());

        var (_, xml) = await Xml(await Anonymous().GetAsync($"{V2}/services/improvement.lighting.xml"));
        Assert.Equal("service_definition", xml.Name.LocalName);
        var kind = xml.Element("attributes")!.Elements("attribute").First();
        Assert.Equal("kind", kind.Element("code")!.Value);
        Assert.Equal(["dark", "day"], kind.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));

        // The required attribute is missing, then has a value outside the list: 400; then a good one is registered.
        var key = await IntegrationKeyAsync();
        var form = Form(key, "improvement.lighting");
        var (s1, e1) = await Json(await PostAsync(form));
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Contains("attribute[kind]", e1[0].GetProperty("description").GetString());
        form["attribute[kind]"] = "nonsense";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(form)).StatusCode);
        form["attribute[kind]"] = "dark";
        form["attribute[pole]"] = "17";
        var (s3, ok) = await Json(await PostAsync(form));
        Assert.Equal(HttpStatusCode.OK, s3);
        var number = ok[0].GetProperty("service_request_id").GetString();
        var description = await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Description).SingleAsync());
        Assert.Contains("Що сталося: Не світить", description);
        Assert.Contains("Номер опори: 17", description);
    }

    [Fact]
    public async Task ServiceDefinition_UnknownService_404InSpecErrorFormat()
    {
        var (s1, json) = await Json(await Anonymous().GetAsync($"{V2}/services/no.such.json"));
        Assert.Equal(HttpStatusCode.NotFound, s1);
        Assert.Equal("404", json[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json[0].GetProperty("description").GetString()));

        var (s2, xml) = await Xml(await Anonymous().GetAsync($"{V2}/services/no.such.xml"));
        Assert.Equal(HttpStatusCode.NotFound, s2);
        Assert.Equal("errors", xml.Name.LocalName);
        Assert.Equal("404", xml.Element("error")!.Element("code")!.Value);
        Assert.NotEmpty(xml.Element("error")!.Element("description")!.Value);
    }

    [Fact]
    public async Task PostRequest_Json_RegistersAnAppealOnTheWebChannelWithTheUsualDeadline()
    {
        var (status, json) = await Json(await PostAsync(Form(await IntegrationKeyAsync())));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, json.GetArrayLength());
        var number = json[0].GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^\d{2}-\d{5}$", number);
        Assert.False(string.IsNullOrEmpty(json[0].GetProperty("token").GetString()));
        Assert.True(json[0].TryGetProperty("service_notice", out _));
        Assert.True(json[0].TryGetProperty("account_id", out _));

        var card = (await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}")).Body;
        Assert.Equal("web", card.GetProperty("channel").GetString());
        Assert.Equal("Коваленко Олена", card.GetProperty("applicant").GetProperty("fullName").GetString());
        Assert.Equal("вул. Соборна, 5", card.GetProperty("applicant").GetProperty("address").GetString());
        // Received Tuesday 10:00 Kyiv, simple track: 5 working days, as for any other channel.
        Assert.Equal("2026-12-01T17:00:00+02:00", card.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task PostRequest_Xml_ReturnsServiceRequestsList_AndTokenResolves()
    {
        var (status, xml) = await Xml(await PostAsync(Form(await IntegrationKeyAsync()), "xml"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_requests", xml.Name.LocalName);
        var request = xml.Element("request")!;
        var number = request.Element("service_request_id")!.Value;
        var token = request.Element("token")!.Value;

        var (s1, t1) = await Json(await Anonymous().GetAsync($"{V2}/tokens/{token}.json"));
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Equal(number, t1[0].GetProperty("service_request_id").GetString());
        Assert.Equal(token, t1[0].GetProperty("token").GetString());
        var (s2, t2) = await Xml(await Anonymous().GetAsync($"{V2}/tokens/{token}.xml"));
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal(number, t2.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"{V2}/tokens/deadbeef.json")).StatusCode);
    }

    [Fact]
    public async Task PostRequest_MissingOrBadApiKey_403_AndLeadershipKeyMayNotSubmit()
    {
        var form = Form("");
        form.Remove("api_key");
        var (s1, e1) = await Json(await PostAsync(form));
        Assert.Equal(HttpStatusCode.Forbidden, s1);
        Assert.Equal("403", e1[0].GetProperty("code").GetString());

        var (s2, x2) = await Xml(await PostAsync(Form("cc_not-a-real-key"), "xml"));
        Assert.Equal(HttpStatusCode.Forbidden, s2);
        Assert.Equal("403", x2.Element("error")!.Element("code")!.Value);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Form(await app.CreateKeyAsync(Roles.Leadership)))).StatusCode);
        // An operator's key is a key of this system too.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Form(await app.CreateKeyAsync(Roles.Operator)))).StatusCode);
    }

    [Fact]
    public async Task PostRequest_BadInput_400WithEveryProblem()
    {
        var key = await IntegrationKeyAsync();
        var noService = Form(key);
        noService.Remove("service_code");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(noService)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(Form(key, "no.such"))).StatusCode);

        var anonymous = Form(key);
        anonymous.Remove("first_name");
        anonymous.Remove("last_name");
        anonymous.Remove("address_string");
        var (status, errors) = await Json(await PostAsync(anonymous));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var descriptions = errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        Assert.Contains(descriptions, d => d.Contains("location", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(descriptions, d => d.Contains("first_name") && d.Contains("Citizens' Appeals"));
        Assert.Contains(descriptions, d => d.Contains("residence_address"));

        var longText = Form(key, description: new string('x', 4001));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(longText)).StatusCode);

        var noContact = Form(key);
        noContact.Remove("email");
        noContact.Remove("phone");
        var (s2, x2) = await Xml(await PostAsync(noContact, "xml"));
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("email", x2.Element("error")!.Element("description")!.Value);

        var json = await Anonymous().PostAsync($"{V2}/requests.json", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task GetRequest_OneItem_PublicFieldsOnly_InBothFormats()
    {
        var number = await PostOkAsync();
        var (status, json) = await Json(await Anonymous().GetAsync($"{V2}/requests/{number}.json"));
        Assert.Equal(HttpStatusCode.OK, status);
        var r = Assert.Single(json.EnumerateArray());
        Assert.Equal(number, r.GetProperty("service_request_id").GetString());
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Equal("utilities.water", r.GetProperty("service_code").GetString());
        Assert.Equal("Водопостачання", r.GetProperty("service_name").GetString());
        Assert.Equal("Немає холодної води з ранку", r.GetProperty("description").GetString());
        Assert.Equal("вул. Соборна, 5", r.GetProperty("address").GetString());
        Assert.Equal("2026-11-24T10:00:00+02:00", r.GetProperty("requested_datetime").GetString());
        Assert.Equal("2026-12-01T17:00:00+02:00", r.GetProperty("expected_datetime").GetString());
        foreach (var field in new[] { "status_notes", "agency_responsible", "service_notice", "updated_datetime", "address_id", "zipcode", "lat", "long", "media_url" })
            Assert.True(r.TryGetProperty(field, out _), field);
        var raw = json.ToString();
        foreach (var secret in new[] { "Коваленко", "Олена", "olena@example.com", "1234567" })
            Assert.DoesNotContain(secret, raw);

        var (s2, xml) = await Xml(await Anonymous().GetAsync($"{V2}/requests/{number}.xml"));
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal("open", xml.Element("request")!.Element("status")!.Value);
        Assert.DoesNotContain("Коваленко", xml.ToString());

        var (s3, x3) = await Xml(await Anonymous().GetAsync($"{V2}/requests/00-99999.xml"));
        Assert.Equal(HttpStatusCode.NotFound, s3);
        Assert.Equal("404", x3.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task GetRequests_Filters_Window_Status_Paging()
    {
        var a = await PostOkAsync("перша", "utilities.heating");
        var b = await PostOkAsync("друга", "utilities.heating");
        var c = await PostOkAsync("третя", "utilities.gas");
        // b is closed; c was received 100 days ago (outside the default window).
        await app.WithDbAsync(async db =>
        {
            await db.Appeals.Where(x => x.RegistrationNumber == b).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AppealStatus.Closed));
            var old = app.Time.GetUtcNow().AddDays(-100);
            return await db.Appeals.Where(x => x.RegistrationNumber == c).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivedAt, old));
        });

        async Task<List<string>> Ids(string query)
        {
            var (status, json) = await Json(await Anonymous().GetAsync($"{V2}/requests.json?{query}"));
            Assert.True(status == HttpStatusCode.OK, json.ToString());
            return json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
        }

        var heating = await Ids("service_code=utilities.heating");
        Assert.Contains(a, heating);
        Assert.Contains(b, heating);
        Assert.DoesNotContain(c, await Ids("service_code=utilities.heating,utilities.gas"));
        Assert.Contains(c, await Ids("service_code=utilities.gas&start_date=2026-08-01T00:00:00%2B03:00&end_date=2026-09-01T00:00:00%2B03:00"));
        Assert.Equal([a], await Ids("service_code=utilities.heating&status=open"));
        Assert.Equal([b], await Ids("service_code=utilities.heating&status=closed"));
        // service_request_id overrides every other filter, even the window.
        var byId = await Ids($"service_request_id={a},{c}&status=closed&service_code=utilities.water");
        Assert.Equal(new[] { a, c }.Order(), byId.Order());
        Assert.Equal([b], await Ids("service_code=utilities.heating&page_size=1&page=1"));
        Assert.Equal([a], await Ids("service_code=utilities.heating&page_size=1&page=2"));
        Assert.Empty(await Ids("service_code=utilities.heating&page_size=1&page=3"));

        var (_, xml) = await Xml(await Anonymous().GetAsync($"{V2}/requests.xml?service_code=utilities.heating"));
        Assert.Equal(2, xml.Elements("request").Count());
        Assert.Equal("closed", xml.Elements("request").Single(r => r.Element("service_request_id")!.Value == b).Element("status")!.Value);

        foreach (var bad in new[] { "status=maybe", "start_date=yesterday", "page_size=1001", "page=0" })
        {
            var (s, x) = await Xml(await Anonymous().GetAsync($"{V2}/requests.xml?{bad}"));
            Assert.Equal(HttpStatusCode.BadRequest, s);
            Assert.Equal("400", x.Element("error")!.Element("code")!.Value);
        }
    }

    [Fact]
    public async Task GetRequests_ExtensionsTrue_AddsPublicNotesOnly()
    {
        var number = await PostOkAsync();
        await app.WithDbAsync(async db =>
        {
            var id = await db.Appeals.Where(x => x.RegistrationNumber == number).Select(x => x.Id).SingleAsync();
            db.AppealHistory.Add(new Features.Appeals.AppealHistoryEntry { AppealId = id, At = app.Time.GetUtcNow(), ActorName = "Оператор", Action = "comment", Comment = "внутрішня примітка", Public = false });
            return await db.SaveChangesAsync();
        });
        var (_, plain) = await Json(await Anonymous().GetAsync($"{V2}/requests/{number}.json"));
        Assert.False(plain[0].TryGetProperty("extended_attributes", out _));
        var (_, json) = await Json(await Anonymous().GetAsync($"{V2}/requests/{number}.json?extensions=true"));
        var notes = json[0].GetProperty("extended_attributes").GetProperty("notes");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("type").GetString() == "registered");
        Assert.DoesNotContain("внутрішня примітка", json.ToString());
        var (_, xml) = await Xml(await Anonymous().GetAsync($"{V2}/requests.xml?service_request_id={number}&extensions=true"));
        Assert.NotEmpty(xml.Element("request")!.Element("extended_attributes")!.Element("notes")!.Elements("note"));
    }

    [Fact]
    public async Task UnknownFormat_404()
    {
        var response = await Anonymous().GetAsync($"{V2}/services.html");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (_, xml) = await Xml(response);
        Assert.Equal("errors", xml.Name.LocalName);
    }
}

public sealed class Open311Tests_Sqlite(SqliteApp app) : Open311Tests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class Open311Tests_Postgres(PostgresApp app) : Open311Tests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>A configured jurisdiction_id: another one is refused with 404, none is fine.</summary>
public abstract class Open311JurisdictionApp(Db db) : AppFixture(db)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Open311:JurisdictionId", "bucha.gov.ua");
    }
}

public sealed class Open311JurisdictionSqliteApp() : Open311JurisdictionApp(Db.Sqlite);

public sealed class Open311JurisdictionPostgresApp() : Open311JurisdictionApp(Db.Postgres);

public abstract class Open311JurisdictionTests<TApp>(TApp app) where TApp : Open311JurisdictionApp
{
    [Fact]
    public async Task JurisdictionId_Checked_WhenConfigured()
    {
        var client = app.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json?jurisdiction_id=bucha.gov.ua")).StatusCode);
        var wrong = await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=irpin.gov.ua");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("errors", XDocument.Parse(await wrong.Content.ReadAsStringAsync()).Root!.Name.LocalName);
        var key = await app.CreateKeyAsync(Roles.Integration);
        var post = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["jurisdiction_id"] = "irpin.gov.ua",
            ["service_code"] = "utilities.water",
            ["address_string"] = "вул. Соборна, 5",
            ["first_name"] = "Олена",
            ["last_name"] = "Коваленко",
            ["email"] = "olena@example.com",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appeals.CountAsync()));
    }
}

public sealed class Open311JurisdictionTests_Sqlite(Open311JurisdictionSqliteApp app) : Open311JurisdictionTests<Open311JurisdictionSqliteApp>(app), IClassFixture<Open311JurisdictionSqliteApp>;

public sealed class Open311JurisdictionTests_Postgres(Open311JurisdictionPostgresApp app) : Open311JurisdictionTests<Open311JurisdictionPostgresApp>(app), IClassFixture<Open311JurisdictionPostgresApp>;
