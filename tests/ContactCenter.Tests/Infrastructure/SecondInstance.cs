using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Infrastructure;

/// <summary>Another application instance on the same database as <paramref name="first"/>, as in a multi-instance deployment.</summary>
public sealed class SecondInstance(AppFixture first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Database:Provider", first.Db == Db.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ContactCenter:Database:ConnectionString", first.ConnectionString);
        builder.UseSetting("ContactCenter:Bootstrap:AdminApiKey", AppFixture.AdminKey);
        builder.UseSetting("ContactCenter:Demo", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(first.Time));
    }

    public HttpClient Client(string apiKey = AppFixture.AdminKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
