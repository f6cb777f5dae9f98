using ContactCenter.Features.Calendar;
using ContactCenter.Features.Quality;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>The survey link of F6.1 (<c>/survey/{token}</c>): one answer — solved or not, a grade 1–5, a comment.</summary>
public sealed class SurveyModel(VerificationService verification, CalendarService calendar) : PageModel
{
    public SurveyView? View { get; private set; }

    public TimeZoneInfo Zone => calendar.TimeZone;

    public bool Thanks { get; private set; }

    public List<string> Errors { get; } = [];

    public bool? Confirmed { get; private set; }

    public int? Rating { get; private set; }

    public string? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool answered, CancellationToken ct)
    {
        Thanks = answered;
        View = await verification.SurveyAsync(token, ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, bool? confirmed, int? rating, string? comment, CancellationToken ct)
    {
        (Confirmed, Rating, Comment) = (confirmed, rating, comment);
        try
        {
            await verification.AnswerSurveyAsync(token, confirmed, rating, comment is { Length: > 4000 } ? comment[..4000] : comment, ct);
            return Redirect($"/survey/{token}?answered=true");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ex is AppValidationException or ConflictException or RuleViolationException)
        {
            Errors.AddRange(ex is AppValidationException v ? v.Errors.SelectMany(e => e.Value) : [ex.Message]);
        }
        View = await verification.SurveyAsync(token, ct);
        return View is null ? NotFound() : Page();
    }
}
