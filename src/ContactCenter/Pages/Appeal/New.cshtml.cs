using System.Net.Mail;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Portal;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ContactCenter.Pages.Appeal;

/// <summary>Submit an appeal: every field checked on the server, each error next to its field in the citizen's language.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class NewModel(PortalService portal, CategoryDirectory categories, IOptions<PortalOptions> options, Features.Control.IntakeScreening screening) : PageModel
{
    [BindProperty]
    public PortalSubmission Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public IReadOnlyList<CategoryGroup> Groups { get; private set; } = [];

    /// <summary>Field id → messages, in the order of the form.</summary>
    public Dictionary<string, List<string>> Errors { get; } = [];

    public PortalOptions Options => options.Value;

    public static readonly string[] FieldOrder = ["category", "description", "problemAddress", "photos", "fullName", "phone", "email", "address", "signatories", "consent", "form"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.FormToken = PortalService.NewToken();
        Groups = await portal.CategoryGroupsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Groups = await portal.CategoryGroupsAsync(ct);
        if (!string.IsNullOrEmpty(Input.Website))
        {
            Add("form", PortalText.T("err.spam"));
            return Page();
        }
        await CheckAsync(ct);
        foreach (var e in portal.CheckPhotos(Photos))
            Add("photos", e);
        if (Errors.Count > 0)
            return Page();
        // F5.4: a blocked contact is refused politely; a text with a hate-speech term waits for an operator.
        var formToken = Input.FormToken is { Length: >= 16 and <= 64 } ft ? ft : PortalService.NewToken();
        var screened = await screening.ScreenAsync(new Features.Control.IntakeCandidate("portal", Features.Appeals.Channel.Web, Input.FullName, Input.Phone,
            Input.Email, null, Input.Description, PortalService.RequestOf(Input, formToken), Files: await Features.Control.IntakeScreening.FilesOfAsync(Photos, ct)), save: true, ct);
        if (screened.Verdict == Features.Control.ScreeningVerdict.Refuse)
        {
            Add("form", PortalText.T("err.blocked"));
            return Page();
        }
        if (screened.Verdict == Features.Control.ScreeningVerdict.Hold)
            return Redirect("/appeal/held");
        try
        {
            var token = await portal.SubmitAsync(Input, Photos, ct);
            return Redirect("/appeal/done/" + token);
        }
        catch (AppValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                    Add(FieldOf(field), m);
            }
            return Page();
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var all = await categories.AllAsync(ct);
        Category? category = null;
        if (string.IsNullOrWhiteSpace(Input.CategoryCode) || !all.TryGetValue(Input.CategoryCode, out category) || !category.IsActive)
            Add("category", PortalText.T("err.category"));
        if (string.IsNullOrWhiteSpace(Input.Description))
            Add("description", Text.Get("description.required"));
        else if (Input.Description.Length > Features.Appeals.RegisterAppeal.MaxDescription)
            Add("description", Text.Get("field.tooLong", Features.Appeals.RegisterAppeal.MaxDescription));
        if (category is { AddressRequired: true } && string.IsNullOrWhiteSpace(Input.ProblemAddress))
            Add("problemAddress", PortalText.T("err.problemAddress"));
        if (string.IsNullOrWhiteSpace(Input.FullName))
            Add("fullName", Text.Get("applicant.fullName.required"));
        if (string.IsNullOrWhiteSpace(Input.Phone))
            Add("phone", PortalText.T("err.phone"));
        else if (PhoneNormalizer.TryNormalize(Input.Phone) is null)
            Add("phone", Text.Get("applicant.phone.invalid"));
        if (!string.IsNullOrWhiteSpace(Input.Email) && (!MailAddress.TryCreate(Input.Email.Trim(), out var parsed) || parsed.Address != Input.Email.Trim()))
            Add("email", Text.Get("applicant.email.invalid"));
        if (string.IsNullOrWhiteSpace(Input.Address))
            Add("address", Text.Get("applicant.address.required"));
        if (Input.IsCollective && Input.SignatoriesCount is null or < 2)
            Add("signatories", PortalText.T("err.signatories"));
        if (!Input.Consent)
            Add("consent", PortalText.T("err.consent"));
    }

    private static string FieldOf(string apiField) => apiField switch
    {
        "applicant.fullName" => "fullName",
        "applicant.address" => "address",
        "applicant.phone" => "phone",
        "applicant.email" => "email",
        "categoryCode" => "category",
        "description" => "description",
        "location" => "problemAddress",
        "signatoriesCount" => "signatories",
        _ => "form",
    };

    private void Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
            Errors[field] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? Described(string field, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null)
            ids.Add(hint);
        if (Has(field))
            ids.Add(field + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
