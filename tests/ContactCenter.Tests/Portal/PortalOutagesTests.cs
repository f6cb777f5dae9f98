using System.Net;
using ContactCenter.Tests.Outages;

namespace ContactCenter.Tests.Portal;

/// <summary>The public outages page (F8.2): active and planned outages, searchable by address, without JavaScript.</summary>
public abstract class PortalOutagesTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Outages_ListAndSearchByAddress_ShowsOnlyCoveringOutages()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var marker = "Ремонт засувки " + Guid.NewGuid().ToString("N")[..6];
        var body = OutageTestKit.Body(OutageTestKit.Range(street, 1, 9), executorId: kit.ExecutorId, startsAt: app.Time.GetUtcNow().AddMinutes(-5));
        body["information"] = marker;
        var (status, _) = await kit.Operator.PostJsonAsync("/api/v1/outages", body);
        Assert.Equal(HttpStatusCode.Created, status);

        var anonymous = app.Client(null);
        var all = await anonymous.GetStringAsync("/outages");
        var covered = await anonymous.GetStringAsync("/outages?address=" + Uri.EscapeDataString("вул. Соборна, 3"));
        var elsewhere = await anonymous.GetStringAsync("/outages?address=" + Uri.EscapeDataString("вул. Соборна, 25"));

        Assert.Contains(marker, all);
        Assert.Contains("Холодна вода", all);
        Assert.Contains(marker, covered);
        Assert.DoesNotContain(marker, elsewhere);
        Assert.Contains("<label for=\"address\">", all);
        Assert.Contains("href=\"/outages\"", all);
    }
}

public sealed class PortalOutagesTests_Sqlite(SqliteApp app) : PortalOutagesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PortalOutagesTests_Postgres(PostgresApp app) : PortalOutagesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
