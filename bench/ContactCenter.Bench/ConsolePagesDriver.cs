using System.Diagnostics;
using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Console;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Bench;

/// <summary>
/// <c>console-pages --connection "Host=…;Database=cc_bench_console" [--iterations 200]</c>: the server-side work of the
/// console's appeal card (<see cref="AppealQueries.GetAsync"/> + timeline + attachments, as <c>AppealCard.razor</c> loads
/// it) and of the first page of its lists (<c>/console/appeals</c> with privileged first, a filtered list, the executor's
/// list, the supervisor's board) over an existing PostgreSQL database, in process, each call in its own DI scope as the
/// console does. Prints p50/p95/p99 per page. The host is built from the application's own <c>AddContactCenter</c> and
/// never started (no migration, no jobs), so point it at a copy of the generated database.
/// </summary>
internal static class ConsolePagesDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? connection = null;
        var iterations = 200;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--connection")
                connection = args[i + 1];
            if (args[i] == "--iterations")
                iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (connection is null)
        {
            Console.Error.WriteLine("usage: console-pages --connection CONNSTRING [--iterations N]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration["ContactCenter:Database:Provider"] = "Postgres";
        builder.Configuration["ContactCenter:Database:ConnectionString"] = connection;
        builder.Configuration["ContactCenter:Demo"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddContactCenter();
        await using var app = builder.Build();
        var services = app.Services;

        async Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        var numbers = await Scoped(sp => sp.GetRequiredService<AppDbContext>().Appeals.AsNoTracking()
            .OrderBy(a => a.Id).Where(a => a.Id % 997 == 0).Select(a => a.RegistrationNumber).Take(iterations).ToListAsync());
        var busiest = await Scoped(sp => sp.GetRequiredService<AppDbContext>().Questions.AsNoTracking()
            .Where(q => q.ExecutorId != null && q.Status == AppealStatus.InProgress)
            .GroupBy(q => q.ExecutorId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        // A small executor too (the fewest questions in work among executors without units below): its scope is a small
        // share of every filtered list, the case where a per-candidate scope check walks the most candidates.
        var small = await Scoped(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return db.Questions.AsNoTracking()
                .Where(q => q.ExecutorId != null && q.Status == AppealStatus.InProgress && !db.Executors.Any(e => e.ParentId == q.ExecutorId))
                .GroupBy(q => q.ExecutorId!.Value).OrderBy(g => g.Count()).Select(g => g.Key).FirstAsync();
        });
        var appealCount = await Scoped(sp => sp.GetRequiredService<AppDbContext>().Appeals.CountAsync());
        var admin = new Actor(null, "bench", Roles.Administrator, null);
        var executor = new Actor(null, "bench", Roles.Executor, busiest);
        var smallExecutor = new Actor(null, "bench", Roles.Executor, small);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        Console.WriteLine($"{appealCount:N0} appeals; {numbers.Count} cards; executor {busiest} (busiest), {small} (small); {iterations} iterations per page, 1 client");

        var pages = new (string Name, Func<int, Task> Work)[]
        {
            ("card (view + timeline + attachments)", async i => await Scoped(async sp =>
            {
                var n = numbers[i % numbers.Count];
                var q = sp.GetRequiredService<AppealQueries>();
                await q.GetAsync(n, admin, default);
                await q.HistoryAsync(n, admin, default);
                return await sp.GetRequiredService<AttachmentStore>().ListAsync(n, admin, default);
            })),
            ("/console/appeals first page, privileged first", _ => Scoped(sp =>
                sp.GetRequiredService<AppealQueries>().SearchAsync(new AppealListFilter().ToSearch(zone), admin, default))),
            ("/console/appeals?status=inProgress&sort=due", _ => Scoped(sp =>
                sp.GetRequiredService<AppealQueries>().SearchAsync(AppealListFilter.Parse("?status=inProgress&sort=due").ToSearch(zone), admin, default))),
            ("/console/appeals?overdue=true (executor's own)", _ => Scoped(sp =>
                sp.GetRequiredService<AppealQueries>().SearchAsync(AppealListFilter.Parse("?overdue=true").ToSearch(zone), executor, default))),
            ("/console/appeals?dueToday=true (executor's own)", _ => Scoped(sp =>
                sp.GetRequiredService<AppealQueries>().SearchAsync(AppealListFilter.Parse("?dueToday=true").ToSearch(zone), executor, default))),
            ("inbox: five tab counters + first page of \"new\" (executor)", _ => Scoped(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(executor, InboxTab.New, 1, default))),
            ("inbox: counters + \"overdue\" page 3 (executor)", _ => Scoped(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(executor, InboxTab.Overdue, 3, default))),
            ("inbox: counters + \"due soon\" page 1 (executor)", _ => Scoped(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(executor, InboxTab.DueSoon, 1, default))),
            ("/console/appeals?overdue=true (small executor's own)", _ => Scoped(sp =>
                sp.GetRequiredService<AppealQueries>().SearchAsync(AppealListFilter.Parse("?overdue=true").ToSearch(zone), smallExecutor, default))),
            ("inbox: counters + first page of \"new\" (small executor)", _ => Scoped(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(smallExecutor, InboxTab.New, 1, default))),
            ("inbox: counters + \"overdue\" page 3 (small executor)", _ => Scoped(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(smallExecutor, InboxTab.Overdue, 3, default))),
            ("supervisor board", _ => Scoped(sp => sp.GetRequiredService<BoardQueries>().LoadAsync(default))),
        };
        Console.WriteLine();
        Console.WriteLine("| Page (server work) | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, work) in pages)
        {
            for (var i = 0; i < 5; i++)
                await work(i); // warm-up: JIT, pool, plan cache
            var times = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                await work(i);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {P(0.5):0.0} ms | **{P(0.95):0.0} ms** | {P(0.99):0.0} ms | {times[^1]:0.0} ms |"));
        }
        return 0;
    }
}
