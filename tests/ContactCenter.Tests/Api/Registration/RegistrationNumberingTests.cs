using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>
/// Registration numbers (F1.6) stay unique under parallel registration on both databases. The only test in its class,
/// so nothing else draws numbers from the counter while it runs.
/// </summary>
public abstract class RegistrationNumberingTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Register_FortyInParallel_DistinctContiguousNumbers()
    {
        const int Clients = 8;
        const int PerClient = 5;
        var clients = Enumerable.Range(0, Clients).Select(_ => app.Admin()).ToList();

        var results = await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, PerClient).Select(async _ =>
        {
            var response = await client.PostAsJsonAsync("/api/v1/appeals", Appeals.Valid(), AppFixture.Json);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(AppFixture.Json);
            return (response.StatusCode, Body: body);
        })));

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {r.Body}"));
        var numbers = results.Select(r => r.Body.GetProperty("registrationNumber").GetString()!).ToList();
        Assert.All(numbers, n => Assert.Matches(@"^26-\d{5}$", n));
        Assert.Equal(Clients * PerClient, numbers.Distinct().Count());
        var sequence = numbers.Select(n => int.Parse(n[3..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], Clients * PerClient), sequence);
    }
}

public sealed class RegistrationNumberingTests_Sqlite(SqliteApp app) : RegistrationNumberingTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegistrationNumberingTests_Postgres(PostgresApp app) : RegistrationNumberingTests<PostgresApp>(app), IClassFixture<PostgresApp>;
