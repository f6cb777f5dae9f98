using ContactCenter.Features.Informing;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages;

/// <summary>The confirmation link of an e-mail subscription (double opt-in).</summary>
public sealed class SubscribeConfirmModel(SubscriptionService subscriptions) : PageModel
{
    public SubscriptionView? Subscription { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        try
        {
            Subscription = await subscriptions.ConfirmAsync(token, ct);
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
