using System.Net;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.AppealLookup;

/// <summary>Applicant lookup at registration (issue 3): by name, by address, by phone; hidden identities; access; audit.</summary>
public abstract class ApplicantLookupTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly Actor Operator = new("op-1", "Оператор", Roles.Operator, null);

    // Every test's people have a surname and street of their own: the fixture's database is shared by the class.
    private static string Unique()
    {
        const string letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщюя";
        return new string(Enumerable.Range(0, 7).Select(_ => letters[Random.Shared.Next(letters.Length)]).ToArray());
    }

    private async Task<string> RegisterAsync(string name, string? phone, string address, bool hide = false)
    {
        var body = Infrastructure.Appeals.Valid(phone: phone);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["fullName"] = name;
        applicant["phone"] = phone;
        applicant["address"] = address;
        if (hide)
            body["hideIdentity"] = true;
        return (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
    }

    private async Task<ApplicantLookupResult> LookupAsync(ApplicantLookupQuery query, Actor? actor = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicantLookup>().LookupAsync(query, actor ?? Operator, default);
    }

    private async Task<IReadOnlyList<ApplicantAppeal>> AppealsOfAsync(ApplicantRef person)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicantLookup>().AppealsOfAsync(person, Operator, 20, default);
    }

    [Theory]
    [InlineData("Пʼятак{0}")]
    [InlineData("п'ятак{0}")]
    [InlineData("П’ЯТАК{0}")]
    [InlineData("пятак{0}")]
    [InlineData("  пʼятак{0} ")]
    public async Task Name_AnyCaseOrApostrophe_FindsEveryoneWithTheSurname(string typed)
    {
        var u = Unique();
        var phone = Infrastructure.Appeals.NewPhone();
        var first = await RegisterAsync($"П'ятак{u} Ївга Ґеоргіївна", phone, "вул. Соборна, 5, кв. 12");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await RegisterAsync($"Пʼятак{u} Ївга Ґеоргіївна", phone, "вул. Соборна, 5, кв. 12");
        await RegisterAsync($"П’ятак{u} Єлисей Іванович", Infrastructure.Appeals.NewPhone(), "вул. Соборна, 7");

        var result = await LookupAsync(new ApplicantLookupQuery(Name: string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, u)));

        Assert.Equal(2, result.Applicants.Count);
        var yevha = Assert.Single(result.Applicants, a => a.FullName.Contains("Ївга", StringComparison.Ordinal));
        Assert.Equal(2, yevha.Appeals);
        Assert.Equal(2, yevha.Open);
        Assert.Equal(phone, yevha.Phone);
        Assert.Equal(second, yevha.LastRegistrationNumber);
        Assert.False(result.More);

        var appeals = await AppealsOfAsync(yevha.Ref);
        Assert.Equal([second, first], appeals.Select(a => a.RegistrationNumber));
    }

    [Fact]
    public async Task Name_SurnameAndFirstName_NarrowsToThatPerson()
    {
        var u = Unique();
        await RegisterAsync($"Ґалаґан{u} Ївга Петрівна", Infrastructure.Appeals.NewPhone(), "вул. Соборна, 5");
        await RegisterAsync($"Ґалаґан{u} Іван Петрович", Infrastructure.Appeals.NewPhone(), "вул. Соборна, 5");

        var result = await LookupAsync(new ApplicantLookupQuery(Name: $"ҐАЛАҐАН{u.ToUpperInvariant()} ів"));

        var only = Assert.Single(result.Applicants);
        Assert.StartsWith($"Ґалаґан{u} Іван", only.FullName, StringComparison.Ordinal);
        Assert.Empty((await LookupAsync(new ApplicantLookupQuery(Name: $"Ґалаґан{u} Петро"))).Applicants);
    }

    [Fact]
    public async Task Address_StreetAndHouse_FindsTheApplicant_WhateverTheTownFlatOrStreetType()
    {
        var u = Unique();
        var name = $"Коваль{u} Марія Іванівна";
        await RegisterAsync(name, null, $"м. Київ, вул. Липова{u}, 17, кв. 3");

        foreach (var typed in new[] { $"Липова{u} 17", $"вул. липова{u}, 17", $"ЛИПОВА{u}, 1", $"вулиця Липова{u}" })
        {
            var hit = Assert.Single((await LookupAsync(new ApplicantLookupQuery(Address: typed))).Applicants);
            Assert.Equal(name, hit.FullName);
            Assert.Equal(1, hit.Appeals);
            Assert.Null(hit.Phone);
        }
        Assert.Empty((await LookupAsync(new ApplicantLookupQuery(Address: $"Липова{u} 2"))).Applicants);
        Assert.Empty((await LookupAsync(new ApplicantLookupQuery(Address: $"Київ, Липова{u} 3"))).Applicants);
    }

    [Fact]
    public void Keys_NormaliseNamesAndAddresses()
    {
        Assert.Equal("пятак ївга ґеоргіївна", ApplicantKeys.Name(" П’ЯТАК  Ївга,Ґеоргіївна "));
        Assert.Equal(ApplicantKeys.Name("Пʼятак"), ApplicantKeys.Name("П'ятак"));
        Assert.Equal("квітка-основяненко", ApplicantKeys.Name("Квітка-Основ'яненко"));
        Assert.Equal("шевченка 12", ApplicantKeys.Address("м. Київ, вул. Шевченка, 12, кв. 5"));
        Assert.Equal("шевченка 12", ApplicantKeys.Address("Шевченка 12 кв. 5"));
        Assert.Equal("соборна 5", ApplicantKeys.Address("Київська обл., с. Гора, вулиця Соборна, 5"));
        Assert.Equal("", ApplicantKeys.Name(null));
    }

    [Fact]
    public async Task HiddenIdentity_FoundByStaffWhoMaySeeIt_ExecutorsCannotLookUpAtAll()
    {
        var u = Unique();
        await RegisterAsync($"Таємна{u} Олена", Infrastructure.Appeals.NewPhone(), "вул. Соборна, 9", hide: true);

        var seen = Assert.Single((await LookupAsync(new ApplicantLookupQuery(Name: $"Таємна{u}"))).Applicants);
        Assert.True(seen.Hidden);
        Assert.Equal($"Таємна{u} Олена", seen.FullName);

        var executor = await app.CreateExecutorAsync("Пошук " + u);
        foreach (var role in new[] { Roles.Executor, Roles.ExecutorStaff, Roles.Leadership, Roles.Integration })
        {
            var actor = new Actor("x", "x", role, role is Roles.Executor or Roles.ExecutorStaff ? executor : null);
            await Assert.ThrowsAsync<ForbiddenException>(() => LookupAsync(new ApplicantLookupQuery(Name: $"Таємна{u}"), actor));
        }
        var key = await app.CreateKeyAsync(Roles.Executor, executor);
        var (status, _) = await app.Client(key).GetJsonAsync($"/api/v1/applicants/lookup?name={Uri.EscapeDataString("Таємна" + u)}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (appealsStatus, _) = await app.Client(key).GetJsonAsync($"/api/v1/applicants/appeals?nameKey={Uri.EscapeDataString("таємна" + u + " олена")}");
        Assert.Equal(HttpStatusCode.Forbidden, appealsStatus);
    }

    [Fact]
    public async Task Http_OperatorLooksUp_ReadIsAudited_BadInputIsProblemDetails()
    {
        var u = Unique();
        var number = await RegisterAsync($"Бондар{u} Тарас", Infrastructure.Appeals.NewPhone(), "вул. Соборна, 11");
        var client = app.Client(await app.CreateKeyAsync(Roles.Operator));

        var (status, body) = await client.GetJsonAsync($"/api/v1/applicants/lookup?name={Uri.EscapeDataString("бондар" + u)}");
        Assert.Equal(HttpStatusCode.OK, status);
        var found = Assert.Single(body.GetProperty("applicants").EnumerateArray());
        Assert.Equal(number, found.GetProperty("lastRegistrationNumber").GetString());
        var reference = found.GetProperty("ref");
        var (appealsStatus, appeals) = await client.GetJsonAsync("/api/v1/applicants/appeals?nameKey=" + Uri.EscapeDataString(reference.GetProperty("nameKey").GetString()!)
            + "&phone=" + Uri.EscapeDataString(reference.GetProperty("phone").GetString()!));
        Assert.Equal(HttpStatusCode.OK, appealsStatus);
        Assert.Equal(number, Assert.Single(appeals.EnumerateArray()).GetProperty("registrationNumber").GetString());

        var audited = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == "applicantLookup" && a.Details != null && a.Details.Contains(number)).CountAsync());
        Assert.Equal(1, audited);

        var (empty, problem) = await client.GetJsonAsync("/api/v1/applicants/lookup");
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        var (shortName, _) = await client.GetJsonAsync("/api/v1/applicants/lookup?name=%D0%B1");
        Assert.Equal(HttpStatusCode.BadRequest, shortName);
        var (badPhone, phoneProblem) = await client.GetJsonAsync("/api/v1/applicants/lookup?phone=12");
        Assert.Equal(HttpStatusCode.BadRequest, badPhone);
        Assert.True(phoneProblem.GetProperty("errors").TryGetProperty("phone", out _));
        var (badLimit, _) = await client.GetJsonAsync("/api/v1/applicants/lookup?name=abc&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit);
    }

    [Fact]
    public async Task Backfill_FillsKeysOfRowsWrittenBeforeThem()
    {
        var u = Unique();
        var number = await RegisterAsync($"Старий{u} Архип", Infrastructure.Appeals.NewPhone(), $"м. Львів, вул. Ринок{u}, 1");
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE appeals SET applicant_name_key = NULL, applicant_address_key = NULL WHERE registration_number = {number}"));
        Assert.Empty((await LookupAsync(new ApplicantLookupQuery(Name: $"Старий{u}"))).Applicants);

        await ApplicantKeyBackfill.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), default);

        Assert.Single((await LookupAsync(new ApplicantLookupQuery(Name: $"Старий{u}"))).Applicants);
        Assert.Single((await LookupAsync(new ApplicantLookupQuery(Address: $"Ринок{u} 1"))).Applicants);
    }
}

public sealed class ApplicantLookupTests_Sqlite(SqliteApp app) : ApplicantLookupTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ApplicantLookupTests_Postgres(PostgresApp app) : ApplicantLookupTests<PostgresApp>(app), IClassFixture<PostgresApp>;
