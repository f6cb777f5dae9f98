using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser;

/// <summary>
/// The application on a real Kestrel port (so that a real browser can reach it), on a fresh database, plus Debian's
/// Chromium driven by Playwright. Browser tests take an <c>IClassFixture&lt;SqliteBrowserApp&gt;</c> (or the
/// PostgreSQL one) and open pages with <see cref="NewPageAsync"/>. Screenshots go to artifacts/screenshots.
/// </summary>
public abstract class BrowserApp : AppFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected BrowserApp(Db db)
        : base(db) => UseKestrel(0);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string ScreenshotDir { get; } = Path.Combine(FindRepoRoot(), "artifacts", "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with scripts/test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    /// <summary>A page in a fresh browser context (its own cookies), Ukrainian, at 1366×768 unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768, string locale = "uk-UA", bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.slnx")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}

public sealed class SqliteBrowserApp() : BrowserApp(Db.Sqlite);

public sealed class PostgresBrowserApp() : BrowserApp(Db.Postgres);

/// <summary>
/// Browser tests run one class at a time, after the parallel tests: a real browser against a live Blazor circuit
/// measures nothing useful when the two cores are also busy with a dozen other test hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
