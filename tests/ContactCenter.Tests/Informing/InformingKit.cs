using System.Globalization;
using System.Text;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Informing;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Tests.Addresses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Informing;

/// <summary>
/// A place of its own for one test (a class shares its database): a new district with two streets of 20 buildings,
/// imported into the register, so subscriptions and reach counts of other tests never mix in.
/// </summary>
public sealed record InformingPlace(int DistrictId, int StreetId, int OtherStreetId, IReadOnlyDictionary<string, int> Buildings, string StreetName)
{
    public int Building(int number) => Buildings[number.ToString(CultureInfo.InvariantCulture)];
}

public static class InformingKit
{
    public static async Task<InformingPlace> NewPlaceAsync(AppFixture app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var district = $"Район{tag}";
        var street = $"Тестова{tag}";
        var other = $"Сусідня{tag}";
        var csv = new StringBuilder("district;street_type;street;former_names;building;lat;lon\n");
        for (var n = 1; n <= 20; n++)
            csv.Append(CultureInfo.InvariantCulture, $"{district};вулиця;{street};;{n};;\n");
        for (var n = 1; n <= 20; n++)
            csv.Append(CultureInfo.InvariantCulture, $"{district};вулиця;{other};;{n};;\n");
        await AddressTestData.ImportAsync(app.Admin(), csv.ToString());
        return await app.WithDbAsync(async db =>
        {
            var districtId = await db.Districts.Where(d => d.Name == district).Select(d => d.Id).SingleAsync();
            var streetId = await db.Streets.Where(s => s.Name == street).Select(s => s.Id).SingleAsync();
            var otherId = await db.Streets.Where(s => s.Name == other).Select(s => s.Id).SingleAsync();
            var buildings = await db.Buildings.Where(b => b.StreetId == streetId).ToDictionaryAsync(b => b.Number, b => b.Id);
            return new InformingPlace(districtId, streetId, otherId, buildings, street);
        });
    }

    public static async Task<T> WithAsync<T>(this AppFixture app, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<SubscribeResult> SubscribeAsync(this AppFixture app, SubscribeInput input) =>
        app.WithAsync(sp => sp.GetRequiredService<SubscriptionService>().SubscribeAsync(input, CancellationToken.None));

    public static Task<SubscribeResult> TelegramAsync(this AppFixture app, long chat, SubscriptionScope scope, int id, params OutageType[] types) =>
        app.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Telegram, chat.ToString(CultureInfo.InvariantCulture), scope,
            scope == SubscriptionScope.Building ? id : null, scope == SubscriptionScope.Street ? id : null, scope == SubscriptionScope.District ? id : null,
            null, types));

    public static long NewChat() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    public static string NewEmail(string who = "resident") => $"{who}.{Guid.NewGuid():N}@example.test";

    /// <summary>An outage of the water utility over the given areas, by the administrator; returns its id.</summary>
    public static async Task<long> OutageAsync(AppFixture app, int executorId, object area, string type = "water")
    {
        var (status, json) = await app.Admin().PostJsonAsync("/api/v1/outages", Outages.OutageTestKit.Body(area, type: type, executorId: executorId));
        Assert.True(status == System.Net.HttpStatusCode.Created, $"create outage: {(int)status} {json}");
        return json.GetProperty("id").GetInt64();
    }

    public static Task<string> KeyAsync(AppFixture app, string role, int? executorId = null) => app.CreateKeyAsync(role, executorId);

    public static async Task<int> ExecutorAsync(AppFixture app, string name) =>
        await app.CreateExecutorAsync($"{name} {Guid.NewGuid().ToString("N")[..6]}", null, "utilities.water");

    public static Task<string> OperatorKeyAsync(AppFixture app) => app.CreateKeyAsync(Roles.Operator);

    public static Task<List<Subscription>> SubscriptionsAsync(AppFixture app, string contact) =>
        app.WithDbAsync(db => db.Set<Subscription>().AsNoTracking().Where(s => s.Contact == contact).OrderBy(s => s.Id).ToListAsync());

    public static AppDbContext Db(IServiceProvider sp) => sp.GetRequiredService<AppDbContext>();
}
