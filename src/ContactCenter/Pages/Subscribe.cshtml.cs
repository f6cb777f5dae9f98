using ContactCenter.Features.Informing;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Pages;

/// <summary>E-mail subscription to outage news (F8.3) with double opt-in: the form queues a confirmation link.</summary>
public sealed class SubscribeModel(SubscriptionService subscriptions, AppDbContext db) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public SubscriptionScope Scope { get; set; } = SubscriptionScope.Building;

    [BindProperty(SupportsGet = true)]
    public string? Address { get; set; }

    [BindProperty]
    public int? DistrictId { get; set; }

    [BindProperty]
    public List<OutageType> Types { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Done { get; private set; }

    public bool Has(string field) => Errors.ContainsKey(field);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await subscriptions.SubscribeAsync(new SubscribeInput(SubscriptionChannel.Email, Email, Scope, null, null,
                Scope == SubscriptionScope.District ? DistrictId : null, Scope == SubscriptionScope.District ? null : Address, Types), ct);
            Done = result.Subscription.Status == SubscriptionStatus.Pending
                ? Features.Portal.PortalText.T("sub.checkMail", result.Subscription.Contact, result.Subscription.Place)
                : Features.Portal.PortalText.T("sub.already", result.Subscription.Place);
        }
        catch (AppValidationException e)
        {
            foreach (var (k, v) in e.Errors)
                Errors[k is "contact" ? "email" : k is "districtId" ? "district" : k] = v;
        }
        catch (RuleViolationException e)
        {
            Errors["email"] = [e.Message];
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
}
