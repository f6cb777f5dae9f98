using ContactCenter.Features.Calendar;
using ContactCenter.Features.Portal;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>The private tracking page: status, deadline, public answer and public history; rating when a result is reported.</summary>
public sealed class TrackLinkModel(PortalService portal, CalendarService calendar) : PageModel
{
    public TrackView? View { get; private set; }

    public TimeZoneInfo Zone => calendar.TimeZone;

    public bool Thanks { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string token, bool rated, CancellationToken ct)
    {
        Thanks = rated;
        View = await portal.TrackAsync(token, ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string token, int question, bool? confirmed, int? rating, string? comment, CancellationToken ct)
    {
        try
        {
            await portal.RateAsync(token, question, confirmed, rating, comment, ct);
            return Redirect($"/track/{token}?rated=true");
        }
        catch (Exception ex) when (ex is AppValidationException or ConflictException or InvalidOperationException or RuleViolationException)
        {
            Errors.AddRange(ex is AppValidationException v ? v.Errors.SelectMany(e => e.Value) : [ex.Message]);
        }
        View = await portal.TrackAsync(token, ct);
        return View is null ? NotFound() : Page();
    }
}
