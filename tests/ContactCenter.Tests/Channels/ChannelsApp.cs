using ContactCenter.Features.Notifications;
using ContactCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Channels;

/// <summary>
/// The application with its channels pointed at real local servers: aiosmtpd for e-mail, a Kestrel server for the
/// SMS gateway, the Telegram Bot API and the PBX. The dispatcher job's own schedule is pushed out of the way: tests
/// run the dispatcher themselves, as several racing instances.
/// </summary>
public abstract class ChannelsApp(Db db) : AppFixture(db)
{
    public const string CtiSecret = "test-cti-secret-0123456789";
    public const string BotToken = "123456:TEST-token";

    public LocalSmtpServer Smtp { get; private set; } = null!;
    public LocalGatewayServer Gateway { get; private set; } = null!;
    public LocalImapServer Imap { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smtp = await LocalSmtpServer.StartAsync();
        Gateway = await LocalGatewayServer.StartAsync();
        Imap = await LocalImapServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Notifications:PollSeconds", "86400");
        builder.UseSetting("ContactCenter:Notifications:BaseDelaySeconds", "60");
        builder.UseSetting("ContactCenter:Notifications:MaxAttempts", "3");
        builder.UseSetting("ContactCenter:Smtp:Host", "127.0.0.1");
        builder.UseSetting("ContactCenter:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ContactCenter:Smtp:Security", "None");
        builder.UseSetting("ContactCenter:Smtp:From", "zvernennia@hromada.test");
        builder.UseSetting("ContactCenter:Sms:UrlTemplate", Gateway.BaseUrl + "/sms/send?to={phone}&id={id}");
        builder.UseSetting("ContactCenter:Sms:Method", "POST");
        builder.UseSetting("ContactCenter:Sms:User", "hromada");
        builder.UseSetting("ContactCenter:Sms:Password", "sms-secret");
        builder.UseSetting("ContactCenter:Telegram:BotToken", BotToken);
        builder.UseSetting("ContactCenter:Telegram:BaseUrl", Gateway.BaseUrl);
        builder.UseSetting("ContactCenter:Imap:Host", "127.0.0.1");
        builder.UseSetting("ContactCenter:Imap:Port", Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ContactCenter:Imap:Security", "None");
        builder.UseSetting("ContactCenter:Imap:User", LocalImapServer.User);
        builder.UseSetting("ContactCenter:Imap:Password", LocalImapServer.Password);
        builder.UseSetting("ContactCenter:Imap:PollSeconds", "86400");
        builder.UseSetting("ContactCenter:Telephony:Secret", CtiSecret);
        builder.UseSetting("ContactCenter:Telephony:OriginateUrlTemplate", Gateway.BaseUrl + "/pbx/originate?from={extension}&to={number}");
    }

    /// <summary>One dispatcher pass as instance <paramref name="instance"/>, in its own scope (its own DbContext).</summary>
    public async Task<int> DispatchAsync(string instance = "test", CancellationToken ct = default)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(instance, ct);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
        await Imap.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class ChannelsSqliteApp() : ChannelsApp(Db.Sqlite);

public sealed class ChannelsPostgresApp() : ChannelsApp(Db.Postgres);
