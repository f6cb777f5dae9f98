using ContactCenter.Features.Calendar;
using ContactCenter.Features.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages.Appeal;

public sealed class DoneModel(PortalService portal, CalendarService calendar) : PageModel
{
    public TrackView? View { get; private set; }

    public TimeZoneInfo Zone => calendar.TimeZone;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        View = await portal.TrackAsync(token, ct);
        return View is null ? NotFound() : Page();
    }
}
