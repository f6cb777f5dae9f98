using ContactCenter.Features.Outages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>Active and planned outages (F8.2), searchable by address; public, no personal data.</summary>
public sealed class OutagesModel(OutageService outages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Address { get; set; }

    public IReadOnlyList<OutageView> Items { get; private set; } = [];

    /// <summary>The address the search resolved to, when one was given.</summary>
    public string? Resolved { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Address);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Searched)
        {
            var at = await outages.AtAsync(Address!.Length > 200 ? Address[..200] : Address, null, ct);
            Items = at.Outages;
            Resolved = at.Address;
        }
        else
        {
            Items = (await outages.ListAsync(null, null, null, ct)).Items;
        }
    }
}
