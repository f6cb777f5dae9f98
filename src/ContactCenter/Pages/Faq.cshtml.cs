using ContactCenter.Features.Knowledge;
using ContactCenter.Features.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

public sealed class FaqModel(PortalService portal) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<KnowledgeArticle> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Articles = await portal.FaqAsync(Q, ct);
}
