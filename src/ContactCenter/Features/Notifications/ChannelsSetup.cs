using ContactCenter.Features.Blocklist;
using ContactCenter.Features.Email;
using ContactCenter.Features.Telegram;
using ContactCenter.Features.Telephony;
using Quartz;

namespace ContactCenter.Features.Notifications;

/// <summary>Registration of the channels feature: notification outbox, senders, CTI, blocklist (one call from Startup).</summary>
public static class ChannelsSetup
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<ISmsGateway, HttpSmsGateway>(HttpSmsGateway.HttpClientName);
        services.AddHttpClient(TelegramBotFactory.HttpClientName);
        services.AddSingleton<TelegramBotFactory>();
        services.AddScoped<INotificationSender, SmtpEmailSender>();
        services.AddScoped<INotificationSender, SmsNotificationSender>();
        services.AddScoped<INotificationSender, TelegramNotificationSender>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationDispatchJob>();

        services.AddOptions<TelephonyOptions>().BindConfiguration(TelephonyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(CallsApi.PbxHttpClient, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<CtiEventHandler>();
        services.AddScoped<BlocklistService>();

        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailIntake>();
        services.AddScoped<EmailIntakeJob>();
        return services;
    }

    public static void AddChannelJobs(IQuartzBuilder q, IConfiguration configuration)
    {
        var poll = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()?.PollSeconds ?? 15;
        q.AddJob<NotificationDispatchJob>(j => j.WithIdentity(NotificationDispatchJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(NotificationDispatchJob.Key).WithIdentity("notification-dispatch-poll", "notifications")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(poll))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(poll)).RepeatForever()));
        var imapPoll = configuration.GetSection(ImapOptions.Section).Get<ImapOptions>()?.PollSeconds ?? 60;
        q.AddJob<EmailIntakeJob>(j => j.WithIdentity(EmailIntakeJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(EmailIntakeJob.Key).WithIdentity("email-intake-poll", "channels")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(imapPoll))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(imapPoll)).RepeatForever()));
    }

    public static IEndpointRouteBuilder MapChannelsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapNotificationEndpoints();
        app.MapTelephonyEndpoints();
        app.MapBlocklistEndpoints();
        app.MapEmailEndpoints();
        return app;
    }
}
