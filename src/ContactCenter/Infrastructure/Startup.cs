using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.ApiKeys;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Console;
using ContactCenter.Features.Control;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Routing;
using ContactCenter.Features.Seed;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Quartz;
using Scalar.AspNetCore;

namespace ContactCenter.Infrastructure;

public static class Startup
{
    public const string SmartScheme = "ApiKeyOrCookie";

    public static WebApplicationBuilder AddContactCenter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContactCenterOptions>().BindConfiguration(ContactCenterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ContactCenterOptions.Section).Get<ContactCenterOptions>() ?? new ContactCenterOptions();

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddAppDatabase(options.Database);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Contact Center API";
            doc.Info.Description = "Citizens' appeals of a territorial community: registration, lifecycle, deadlines. Authenticate with X-Api-Key.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddLocalization();

        AddSecurity(services);

        services.AddSingleton<CalendarService>();
        services.AddScoped<CalendarTransfers>();
        services.AddSingleton<ExecutorDirectory>();
        services.AddSingleton<Features.Categories.CategoryDirectory>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<Router>();
        services.AddScoped<RoutingPreview>();
        services.AddScoped<AddressRegister>();
        services.AddScoped<RegistrationNumbers>();
        services.AddScoped<RegisterAppeal>();
        services.AddScoped<AppealAccess>();
        services.AddScoped<AppealWorkflow>();
        services.AddScoped<AppealQueries>();
        services.AddScoped<ExecutorRequestQueries>();
        services.AddScoped<AttachmentStore>();
        services.AddScoped<RelatedAppeals>();
        services.AddScoped<ApplicantLookup>(); // applicant lookup by name, address or phone (issue 3)
        services.AddHostedService<ApplicantKeyBackfill>();
        // Reports and exports (issue 8).
        services.AddScoped<Features.Reports.StatutoryReport>();
        services.AddScoped<Features.Reports.DisciplineReport>();
        services.AddScoped<Features.Reports.AppealRegister>();
        services.AddScoped<Features.Reports.AppealPrint>();
        services.AddSingleton<Features.Reports.AppealPdf>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IDemoDataSeeder, DemoDataSeeder>();
        services.AddSingleton<AppealEventBus>();
        services.AddScoped<AppealEvents>();
        services.AddHostedService<PostgresEventListener>();
        AddOutages(services);
        services.AddChannels(); // channels: notifications, senders, CTI, blocklist
        Features.Telegram.TelegramBotSetup.AddTelegramBot(services); // the Telegram bot: webhook, long polling, conversation
        Features.Informing.InformingSetup.AddInforming(services); // outage subscriptions and broadcasts (issue 7)
        // National Unified System / 1545 and the CTI screen pop (issue 5, F2.7, F2.1)
        Features.UnifiedSystem.UnifiedSystemApi.AddUnifiedSystem(services);
        Features.Telephony.CallPops.AddCallPops(services);
        AddScheduler(services, options.Database, builder.Configuration);
        Features.Analytics.AnalyticsSetup.AddAnalytics(services); // analysis: dashboard, rating, spikes (issue 8)
        // Portal and Open311 (issue 4)
        services.Configure<Features.Open311.Open311Options>(builder.Configuration.GetSection(Features.Open311.Open311Options.Section));
        Features.Portal.PortalSetup.AddPortal(services, builder.Configuration);

        // Staff console (Blazor, interactive server rendering, MudBlazor): see Features/Console/ConsoleSetup.cs.
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddAntiforgery();
        services.AddConsole();
        // Knowledge base search and consultations (issue 3, F7, F1.8).
        services.AddScoped<Features.Knowledge.KnowledgeSearch>();
        services.AddScoped<Features.Consultations.ConsultationService>();
        // Outside Production (Development, the test host) the library assets (MudBlazor, blazor.web.js) are served from the build's manifest.
        if (!builder.Environment.IsProduction())
            builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Address register import and outages (issue 7).</summary>
    private static void AddOutages(IServiceCollection services)
    {
        services.AddSingleton<StreetCatalog>();
        services.AddScoped<AddressImport>();
        // Administration (issue 3): one service per screen, shared by the API and the console.
        services.AddScoped<Features.Admin.UserAdmin>();
        services.AddScoped<Features.Identity.PasswordChange>();
        services.AddScoped<Features.Admin.AdminExport>();
        services.AddScoped<Features.Admin.ExecutorAdmin>();
        services.AddScoped<Features.Admin.StaffLogins>();
        services.AddScoped<Features.Routing.RoutingRuleAdmin>();
        services.AddScoped<Features.Admin.CategoryAdmin>();
        services.AddScoped<Features.Admin.ReviewTrackAdmin>();
        services.AddScoped<Features.Admin.ApiKeyAdmin>();
        services.AddScoped<Features.Knowledge.KnowledgeAdmin>();
        services.AddScoped<Features.Outages.OutageCoverage>();
        services.AddScoped<Features.Outages.OutageService>();
        services.AddScoped<IAppealRegisteredHook, Features.Outages.OutageAutoLinker>();
        services.AddScoped<IAddressRegisterListener, Features.Outages.OutageCoverageRefresher>();
        // The notification outbox replaces this no-op with its own registration.
        services.TryAddScoped<Features.Outages.IOutageNotifications, Features.Outages.NoOutageNotifications>();
    }

    /// <summary>
    /// Background jobs run on Quartz. On PostgreSQL the job store is the database itself, clustered, so several
    /// application instances share the jobs and each firing runs once; SQLite is one process by nature, so its
    /// scheduler keeps jobs in memory.
    /// </summary>
    private static void AddScheduler(IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddScoped<OverdueWatchJob>();
        services.AddScoped<DeadlineReminderJob>();
        services.AddOptions<ControlOptions>().BindConfiguration(ControlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Control and quality (issue 6): intake screening, verification, the law's notices, the digest.
        services.AddScoped<IntakeScreening>();
        services.AddScoped<Features.Quality.VerificationService>();
        services.AddScoped<Features.Quality.VerificationJob>();
        services.AddScoped<Features.Quality.LawNoticeWatch>();
        services.AddScoped<Features.Quality.LawNoticeWatchJob>();
        services.AddScoped<Features.Quality.DigestService>();
        services.AddScoped<Features.Quality.DigestJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.GenerateInstanceId = true);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.EffectiveConnectionString);
                    // Quartz creates (and upgrades) its own qrtz_* tables; our migrations do not own them.
                    s.ProvisionSchema();
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(20));
                });
            }
            else
            {
                q.UseInMemoryStore(_ => { });
            }
            q.AddJob<OverdueWatchJob>(j => j.WithIdentity(OverdueWatchJob.Key).StoreDurably());
            q.AddJob<DeadlineReminderJob>(j => j.WithIdentity(DeadlineReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DeadlineReminderJob.Key).WithIdentity("deadline-reminders-every-5-min", "control")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            q.AddTrigger(t => t.ForJob(OverdueWatchJob.Key).WithIdentity("overdue-watch-every-5-min", "control")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            Features.Quality.QualitySetup.AddQualityJobs(q);
            ChannelsSetup.AddChannelJobs(q, configuration);
            Features.Analytics.AnalyticsSetup.AddAnalyticsJobs(q, configuration); // issue 8
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Features.Identity.LocalizedIdentityErrors>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "API key or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "cc.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                // An API call without a session gets 401/403, not a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            }));
        services.AddAuthorization();
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UseContactCenter(this WebApplication app)
    {
        // Localization first, so that error responses speak the client's language too.
        var cultures = new[] { new CultureInfo("uk-UA"), new CultureInfo("en") };
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("uk-UA"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Contact Center API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health").AllowAnonymous();

        app.MapAppealsEndpoints();
        Features.Categories.ReferenceDataApi.MapReferenceDataEndpoints(app);
        app.MapApiKeysEndpoints();
        Features.Admin.AdminApi.MapAdminEndpoints(app);
        app.MapRoutingEndpoints();
        app.MapAuditEndpoints();
        app.MapEventsEndpoints();
        app.MapRelatedAppealsEndpoints();
        app.MapApplicantLookupEndpoints();
        Features.Reports.ReportsApi.MapReportsEndpoints(app);
        app.MapStaffNotificationsEndpoints();
        app.MapIntakeScreeningEndpoints();
        Features.Quality.QualityApi.MapQualityEndpoints(app);
        app.MapAddressEndpoints();
        Features.Outages.OutagesApi.MapOutageEndpoints(app);
        // Portal (at /, Razor Pages) and Open311 (issue 4)
        Features.Portal.PortalSetup.UsePortal(app);
        Features.Open311.Open311Api.MapOpen311Endpoints(app);
        app.MapChannelsEndpoints();
        Features.Telegram.TelegramBotSetup.MapTelegramEndpoints(app);
        Features.Informing.InformingApi.MapInformingEndpoints(app); // outage broadcasts (issue 7)
        Features.UnifiedSystem.UnifiedSystemApi.MapUnifiedSystemEndpoints(app);
        Features.Telephony.CallPopsApi.MapCallPopEndpoints(app);
        Features.Analytics.AnalyticsApi.MapAnalyticsEndpoints(app); // issue 8
        Features.Consultations.ConsultationsApi.MapConsultationEndpoints(app); // knowledge search, consultations (issue 3)

        // Staff console: static assets, antiforgery for its forms, account endpoints and the Blazor components under /console.
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapConsoleEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Migrates the database, seeds reference data, and ensures bootstrap accounts — before serving.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunAsync(CancellationToken.None);
    }
}

public sealed class DatabaseInitializer(
    AppDbContext db,
    ApiKeyService keys,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<ContactCenterOptions> options,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (db is SqliteAppDbContext)
        {
            // WAL lets readers go on while one writer commits; the busy timeout makes writers queue, not fail.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await MigrateAsync(db, options.Value.Database.MigrationCommandTimeoutSeconds, logger, ct);
        await ReferenceDataSeeder.SeedAsync(db, ct);
        await Features.Portal.FaqSeeder.SeedAsync(db, services.GetRequiredService<TimeProvider>(), ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
        var bootstrap = options.Value.Bootstrap;
        await keys.EnsureBootstrapKeyAsync(bootstrap.AdminApiKey, ct);
        if (bootstrap.AdminEmail is { Length: > 0 } email && bootstrap.AdminPassword is { Length: > 0 } password)
            await EnsureAdminAsync(email, password);
        if (options.Value.DemoEnabled)
        {
            var demo = services.GetService<IDemoDataSeeder>();
            if (demo is not null)
                await demo.SeedAsync(ct);
        }
    }

    /// <summary>
    /// Applies the pending migrations with a long command timeout (<see cref="DatabaseOptions.MigrationCommandTimeoutSeconds"/>,
    /// 0 = none), so a data fill over a big database is not cut off by EF's default, then gives the context its timeout back.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, int timeoutSeconds, ILogger logger, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(timeoutSeconds);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await db.Database.MigrateAsync(ct);
            // The same fill as migration ChannelsControlOutagesReportsConsole's UPDATE, for databases loaded after it ran
            // (bulk loaders): done here once, under the long timeout, rather than by the first report request.
            await Features.Reports.StatutoryReport.FillQuestionReceivedAtAsync(db, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
        logger.LogInformation("Database up to date in {Elapsed}: {Count} migrations applied ({Names}), command timeout {Timeout} s",
            System.Diagnostics.Stopwatch.GetElapsedTime(started), pending.Count, string.Join(", ", pending), timeoutSeconds);
    }

    private async Task EnsureAdminAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email) is not null)
            return;
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Адміністратор", MustEnrolTwoFactor = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            logger.LogError("Bootstrap administrator {Email} was not created: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Description)));
            return;
        }
        await users.AddToRoleAsync(admin, Roles.Administrator);
    }
}

/// <summary>Fills an imaginary community with executors, staff, users, addresses and appeals (ContactCenter:Demo).</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken ct);
}
