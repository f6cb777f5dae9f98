using ContactCenter.Features.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>Track by registration number + the phone given in the appeal; a match opens the private link.</summary>
public sealed class TrackModel(PortalService portal) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public bool Missing { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var token = await portal.FindAsync(Number, Phone, ct);
        if (token is not null)
            return Redirect("/track/" + token);
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
