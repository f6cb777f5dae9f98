using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>A screen size the console must work at (issue 3): the office monitor and a tablet either way round.</summary>
public sealed record ScreenSize(string Name, int Width, int Height, bool Touch)
{
    public static readonly ScreenSize Desktop = new("1366x768", 1366, 768, Touch: false);
    public static readonly ScreenSize TabletLandscape = new("tablet-1024x768", 1024, 768, Touch: true);
    public static readonly ScreenSize TabletPortrait = new("tablet-768x1024", 768, 1024, Touch: true);

    public static ScreenSize Named(string name) => new[] { Desktop, TabletLandscape, TabletPortrait }.Single(s => s.Name == name);

    /// <summary>Below MudBlazor's Md breakpoint (960 px) the menu is a drawer opened from the toggle.</summary>
    public bool MenuCollapses => Width < 960;

    /// <summary>A finger, not a mouse: main actions need a target of at least this many pixels.</summary>
    public const int TouchTarget = 40;

    public override string ToString() => Name;
}

/// <summary>The console's frame around every screen: app bar, menu toggle and the menu drawer.</summary>
public sealed class ConsoleChrome(IPage page)
{
    public ILocator MenuToggle => page.Locator(".mud-appbar").GetByRole(AriaRole.Button, new() { Name = "menu" });

    public ILocator Menu => page.Locator(".mud-drawer");

    public ILocator MenuLink(string name) => Menu.GetByRole(AriaRole.Link, new() { Name = name }).First;

    public ILocator Toolbar => page.Locator(".mud-appbar .mud-toolbar");

    public ILocator SignOut => page.Locator(".mud-appbar").GetByRole(AriaRole.Button, new() { Name = "Вийти" }).Or(page.Locator(".mud-appbar").GetByRole(AriaRole.Button, new() { Name = "Sign out" }));

    public ILocator Language(string code) => page.Locator(".mud-appbar").GetByRole(AriaRole.Link, new() { Name = code, Exact = true });
}

/// <summary>
/// Reads the layout from the browser: short property reads only (a long-running script or window.scrollTo hangs
/// against the live circuit), so scrolling goes through Playwright.
/// </summary>
public static class LayoutProbe
{
    /// <summary>The page's own width beyond the viewport (0 when nothing sticks out); wide tables scroll inside their container.</summary>
    public static async Task<int> HorizontalOverflowAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>The first few elements whose right edge is beyond the viewport, to name the culprit in a failure.</summary>
    public static async Task<string[]> WiderThanViewportAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const w = document.documentElement.clientWidth;
              return [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1; })
                .slice(0, 6)
                .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\s+/).slice(0, 3).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
            }
            """);

    /// <summary>Visible controls whose text does not fit (cut off, ellipsised or spilling out): buttons, tabs, links, the app bar.</summary>
    public static async Task<string[]> ClippedControlsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-button-root, .mud-tab, .mud-nav-link-text, .mud-appbar .mud-toolbar, .mud-appbar .mud-typography, .cc-main a, .cc-main .mud-input-label')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.scrollWidth > e.clientWidth + 1; })
              .slice(0, 6)
              .map(e => (e.innerText || '').trim().slice(0, 40) + ' (' + e.scrollWidth + '>' + e.clientWidth + ')')
            """);

    /// <summary>
    /// Null when the element is fully inside the viewport's width, not covered by anything else at its centre and its
    /// text fits; otherwise what is wrong.
    /// </summary>
    public static async Task<string?> ProblemOfAsync(ILocator element, int minTarget)
    {
        await element.ScrollIntoViewIfNeededAsync();
        return await element.EvaluateAsync<string?>("""
            (e, min) => {
              const r = e.getBoundingClientRect();
              const w = document.documentElement.clientWidth, h = window.innerHeight;
              if (r.width === 0 || r.height === 0) return 'not displayed';
              if (r.left < -1 || r.right > w + 1) return 'outside the viewport width (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + w + ')';
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (y < 0 || y > h) return 'not scrolled into view';
              const top = document.elementFromPoint(x, y);
              if (!top || !(top === e || e.contains(top) || top.contains(e)))
                return 'covered by ' + (top ? top.tagName.toLowerCase() + '.' + String(top.className).trim().split(/\s+/).slice(0, 2).join('.') : 'nothing');
              if (e.scrollWidth > e.clientWidth + 1) return 'text clipped (' + e.scrollWidth + '>' + e.clientWidth + ')';
              if (r.height < min || r.width < min) return 'touch target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' < ' + min;
              return null;
            }
            """, minTarget);
    }
}
