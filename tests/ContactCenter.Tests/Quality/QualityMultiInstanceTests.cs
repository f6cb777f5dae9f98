using ContactCenter.Features.Control;
using ContactCenter.Features.Quality;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Quality;

/// <summary>The application with an SMTP server and a digest recipient (the head of the contact centre).</summary>
public abstract class QualityApp(Db db) : AppFixture(db)
{
    public const string Head = "head@hromada.test";

    public LocalSmtpServer Smtp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smtp = await LocalSmtpServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder, this);
    }

    /// <summary>The same channel settings for a second instance.</summary>
    public static void Configure(IWebHostBuilder builder, QualityApp app)
    {
        builder.UseSetting("ContactCenter:Smtp:Host", "127.0.0.1");
        builder.UseSetting("ContactCenter:Smtp:Port", app.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ContactCenter:Smtp:Security", "None");
        builder.UseSetting("ContactCenter:Smtp:From", "zvernennia@hromada.test");
        builder.UseSetting("ContactCenter:Notifications:PollSeconds", "86400");
        builder.UseSetting("ContactCenter:Control:DigestRecipients:0", Head);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class QualitySqliteApp() : QualityApp(Db.Sqlite);

public sealed class QualityPostgresApp() : QualityApp(Db.Postgres);

/// <summary>A second instance of <see cref="QualityApp"/> on the same database and SMTP server.</summary>
public sealed class QualitySecondInstance(QualityApp first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Database:Provider", first.Db == Db.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ContactCenter:Database:ConnectionString", first.ConnectionString);
        builder.UseSetting("ContactCenter:Bootstrap:AdminApiKey", AppFixture.AdminKey);
        builder.UseSetting("ContactCenter:Demo", "false");
        QualityApp.Configure(builder, first);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(first.Time));
    }
}

/// <summary>Two application instances over one database: one reminder, one digest (F4.4).</summary>
public abstract class QualityMultiInstanceTests<TApp>(TApp app) where TApp : QualityApp
{
    private static async Task<T> InScopeAsync<TJob, T>(IServiceProvider services, Func<TJob, Task<T>> run) where TJob : notnull
    {
        using var scope = services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    [Fact]
    public async Task TwoInstances_SendOneReminder()
    {
        var cast = await Cast.Of(app);
        await using var second = new QualitySecondInstance(app);
        _ = second.Server;
        var card = await cast.As(cast.Operator).RegisterAsync(Appeals.Valid(executorId: cast.ExecutorId));
        var number = Cast.Number(card);
        // A minute before the deadline the reminder (one working day before) is due; time only moves forward here.
        app.Time.SetUtcNow(card.GetProperty("dueAt").GetDateTimeOffset().AddMinutes(-1));
        await Task.WhenAll(
            InScopeAsync<DeadlineReminderJob, int>(app.Services, j => j.RunAsync(CancellationToken.None)),
            InScopeAsync<DeadlineReminderJob, int>(second.Services, j => j.RunAsync(CancellationToken.None)),
            InScopeAsync<DeadlineReminderJob, int>(second.Services, j => j.RunAsync(CancellationToken.None)));
        Assert.Equal(1, await app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.RegistrationNumber == number && n.Kind == "reminder")));
    }

    [Fact]
    public async Task TwoInstances_SendOneDigestAWorkingDay_AtTheConfiguredTime()
    {
        var cast = await Cast.Of(app);
        await using var second = new QualitySecondInstance(app);
        _ = second.Server;
        // Received three weeks ago: overdue in the digest.
        var body = Appeals.Valid(executorId: cast.ExecutorId);
        body["receivedAt"] = app.Time.GetUtcNow().AddDays(-21).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var overdue = Cast.Number(await cast.As(cast.Operator).RegisterAsync(body));

        Task<int?> RunAsync(IServiceProvider services) => InScopeAsync<DigestJob, int?>(services, j => j.RunAsync(CancellationToken.None));
        var cal = await app.Services.GetRequiredService<ContactCenter.Features.Calendar.CalendarService>().GetCalendarAsync();
        DateTimeOffset At(DateOnly day, int hour, int minute) =>
            new(day.ToDateTime(new TimeOnly(hour, minute)), cal.TimeZone.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, minute))));
        var workday = cal.LocalDate(app.Time.GetUtcNow()).AddDays(1);
        while (!cal.IsWorkingDay(workday))
            workday = workday.AddDays(1);
        var label = workday.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // 07:59 Kyiv on a working day: not yet.
        app.Time.SetUtcNow(At(workday, 7, 59));
        Assert.Null(await RunAsync(app.Services));

        app.Time.SetUtcNow(At(workday, 8, 0));
        var results = await Task.WhenAll(RunAsync(app.Services), RunAsync(second.Services), RunAsync(second.Services));
        Assert.Null(await RunAsync(app.Services));
        // Exactly one digest for the day, whoever sent it (the scheduler of either instance may fire too).
        Assert.True(results.Count(r => r is not null) <= 1, string.Join(",", results));
        var key = workday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ControlMark>().CountAsync(m => m.Kind == DigestJob.Mark && m.Key == key)));
        Assert.Equal(1, await app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.Kind == "digest" && n.Text.Contains(label))));
        var mail = Assert.Single(app.Smtp.Messages(), m => (m.Subject ?? "").Contains(label, StringComparison.Ordinal));
        Assert.Equal(QualityApp.Head, mail.To.Mailboxes.Single().Address);
        Assert.Contains(overdue, mail.TextBody);
        Assert.Contains("Прострочено", mail.TextBody);

        // A day off: no digest.
        var dayOff = workday.AddDays(1);
        while (cal.IsWorkingDay(dayOff))
            dayOff = dayOff.AddDays(1);
        app.Time.SetUtcNow(At(dayOff, 9, 0));
        Assert.Null(await RunAsync(second.Services));
        Assert.DoesNotContain(app.Smtp.Messages(), m => (m.Subject ?? "").Contains(dayOff.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}

public sealed class QualityMultiInstanceTests_Sqlite(QualitySqliteApp app) : QualityMultiInstanceTests<QualitySqliteApp>(app), IClassFixture<QualitySqliteApp>;

public sealed class QualityMultiInstanceTests_Postgres(QualityPostgresApp app) : QualityMultiInstanceTests<QualityPostgresApp>(app), IClassFixture<QualityPostgresApp>;
