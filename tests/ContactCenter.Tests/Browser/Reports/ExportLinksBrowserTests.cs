using ClosedXML.Excel;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Reports;

/// <summary>
/// The console screens whose lists became files in issue 8 (rating, operator statistics, spike signals, outages) offer
/// CSV and XLSX next to the list; the links download with the signed-in session and open as the format they claim.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportLinksBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static async Task<IAPIResponse> FollowAsync(IPage page, string testId)
    {
        var link = page.GetByTestId(testId);
        await link.WaitForAsync();
        var href = await link.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), $"{testId} has no link");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        return response;
    }

    private static async Task<IXLWorksheet> WorkbookAsync(IAPIResponse response)
    {
        Assert.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Headers["content-type"], StringComparison.Ordinal);
        var book = new XLWorkbook(new MemoryStream(await response.BodyAsync()));
        return book.Worksheets.First();
    }

    [Fact]
    public async Task Leadership_DownloadsRatingOperatorsAndSpikes_AsXlsxAndCsv()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Керівник");
        var page = await ConsoleKit.SignedInPageAsync(app, email);

        await page.GotoAsync("/console/rating");
        await Interactive.WaitAsync(page);
        var rating = await WorkbookAsync(await FollowAsync(page, "rating-xlsx"));
        Assert.StartsWith("Рейтинг виконавців", rating.Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal("Місце", rating.Cell(3, 1).GetString());
        var ratingCsv = await (await FollowAsync(page, "rating-csv")).TextAsync();
        Assert.Contains("Місце", ratingCsv.Split('\n')[0], StringComparison.Ordinal);

        await page.GotoAsync("/console/rating?tab=operators");
        await Interactive.WaitAsync(page);
        var operators = await WorkbookAsync(await FollowAsync(page, "operators-xlsx"));
        Assert.Equal("Оператор", operators.Cell(3, 1).GetString());
        var operatorsHref = await page.GetByTestId("operators-csv").GetAttributeAsync("href");
        Assert.Contains("from=", operatorsHref, StringComparison.Ordinal);
        Assert.Contains("to=", operatorsHref, StringComparison.Ordinal);

        await page.GotoAsync("/console/spikes");
        await Interactive.WaitAsync(page);
        var spikes = await WorkbookAsync(await FollowAsync(page, "spikes-xlsx"));
        Assert.Equal("Виявлено", spikes.Cell(1, 1).GetString());
        await BrowserApp.ScreenshotAsync(page, "console-spikes-downloads");
    }

    [Fact]
    public async Task Operator_DownloadsTheOutageList_WithTheChosenStatus()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator);
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/outages");
        await Interactive.WaitAsync(page);

        var sheet = await WorkbookAsync(await FollowAsync(page, "outages-xlsx"));
        Assert.False(sheet.Cell(1, 1).IsEmpty());
        var csv = await (await FollowAsync(page, "outages-csv")).TextAsync();
        Assert.Equal(sheet.Cell(1, 1).GetString(), csv.TrimStart('\uFEFF').Split(';', ',')[0].Trim('"'));
        await BrowserApp.ScreenshotAsync(page, "console-outages-downloads");
    }
}
