using ContactCenter.Features.Informing;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>
/// The one-click unsubscribe link in every broadcast: opening it unsubscribes (no form, no login). A mail scanner
/// following links could do it too, so the page offers to undo it; the link already proved the address.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeStopModel(SubscriptionService subscriptions) : PageModel
{
    public SubscriptionView? Subscription { get; private set; }

    public bool Restored { get; private set; }

    public string? Error { get; private set; }

    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        Token = token;
        Subscription = await subscriptions.UnsubscribeByTokenAsync(token, ct);
        if (Subscription is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>RFC 8058 one-click (List-Unsubscribe-Post) posts here too; the form's undo button posts with <c>undo=true</c>.</summary>
    public async Task<IActionResult> OnPostAsync(string? token, bool undo, CancellationToken ct)
    {
        Token = token;
        try
        {
            Subscription = undo ? await subscriptions.ResubscribeByTokenAsync(token, ct) : await subscriptions.UnsubscribeByTokenAsync(token, ct);
            Restored = undo && Subscription?.Status == SubscriptionStatus.Active;
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
        }
        if (Subscription is null && Error is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
