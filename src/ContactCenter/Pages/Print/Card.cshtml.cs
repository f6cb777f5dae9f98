using ContactCenter.Features.Reports;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages.Print;

/// <summary>The printable appeal card and answer letter (one model; the route says which).</summary>
[Authorize]
public sealed class CardModel(AppealPrint print, AppealPdf pdf) : PageModel
{
    public PrintModel Print { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, string? format, CancellationToken ct)
    {
        var kind = RouteData.Values["page"] is "/Print/Letter" ? PrintKind.Letter : PrintKind.Card;
        Print = await print.BuildAsync(number, kind, HttpContext.Actor(), ct);
        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = pdf.Render(Print);
            return File(bytes, "application/pdf", $"{(kind == PrintKind.Card ? "card" : "letter")}-{number}.pdf");
        }
        return Page();
    }
}
