using System.Security.Cryptography;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Knowledge;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Portal;

/// <summary>What a citizen typed into the portal's appeal form.</summary>
public sealed class PortalSubmission
{
    public string? FormToken { get; set; }
    public string? CategoryCode { get; set; }
    public string? Description { get; set; }
    public string? ProblemAddress { get; set; }
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public bool IsCollective { get; set; }
    public int? SignatoriesCount { get; set; }
    public bool Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }
}

public sealed record CategoryGroup(string? Name, IReadOnlyList<(string Code, string Name)> Options);

public sealed record TrackLine(DateTimeOffset At, string What, string? Comment);

public sealed record TrackView(
    string Number, string Token, AppealStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, string Category, string Description,
    IReadOnlyList<string> Answers, IReadOnlyList<TrackLine> History, int? QuestionToRate, bool Rated);

/// <summary>
/// The citizen portal's use cases over the one appeal core: submit (through <see cref="RegisterAppeal"/>), track by
/// number + phone or by the private link, rate the result (through <see cref="AppealWorkflow.VerifyAsync"/>), FAQ.
/// The portal never shows an appeal's internal comments, staff-only history or anyone's personal data.
/// </summary>
public sealed class PortalService(
    AppDbContext db,
    RegisterAppeal register,
    AppealWorkflow workflow,
    AttachmentStore attachments,
    CategoryDirectory categories,
    IOptions<PortalOptions> options)
{
    /// <summary>The actor role of a citizen acting through the portal (the state machine's Applicant).</summary>
    public const string ApplicantRole = "applicant";
    public const string ExternalIdPrefix = "portal:";

    /// <summary>Registration through the portal is the system's act on the citizen's behalf, like an integration's.</summary>
    public static readonly Actor PortalActor = new(null, "Портал", Roles.Integration, null);

    public static readonly Actor Applicant = new(null, "Заявник (портал)", ApplicantRole, null);

    public static string NewToken(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<IReadOnlyList<CategoryGroup>> CategoryGroupsAsync(CancellationToken ct)
    {
        var all = (await categories.AllAsync(ct)).Values.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
        string Name(Category c) => PortalText.English && c.NameEn is { Length: > 0 } en ? en : c.Name;
        var groups = new List<CategoryGroup>();
        var lonely = new List<(string, string)>();
        foreach (var root in all.Where(c => c.ParentCode is null))
        {
            var children = all.Where(c => c.ParentCode == root.Code).Select(c => (c.Code, Name(c))).ToList();
            if (children.Count > 0)
                groups.Add(new CategoryGroup(Name(root), children));
            else
                lonely.Add((root.Code, Name(root)));
        }
        if (lonely.Count > 0)
            groups.Add(new CategoryGroup(PortalText.T("f.category.other"), lonely));
        return groups;
    }

    /// <summary>Checks the photos by size and content (never by name); returns the errors, or none.</summary>
    public List<string> CheckPhotos(IReadOnlyList<IFormFile> photos)
    {
        var o = options.Value;
        var errors = new List<string>();
        var files = photos.Where(f => f.Length > 0).ToList();
        var head = new byte[16];
        if (files.Count > o.MaxPhotos)
            errors.Add(PortalText.T("err.photos.count", o.MaxPhotos));
        foreach (var f in files)
        {
            var name = Path.GetFileName(f.FileName);
            if (f.Length > o.MaxPhotoBytes)
            {
                errors.Add(PortalText.T("err.photo.size", name, o.MaxPhotoBytes / (1024 * 1024)));
                continue;
            }
            using var s = f.OpenReadStream();
            var read = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (FileSignatures.Detect(head.AsSpan(0, read), null) is not { } type || !type.StartsWith("image/", StringComparison.Ordinal))
                errors.Add(PortalText.T("err.photo.type", name));
        }
        return errors;
    }

    /// <summary>
    /// Registers the appeal; the form's one-time token is its external id, so a resubmitted form returns the appeal it
    /// already created instead of a second one. Returns the private tracking token.
    /// </summary>
    public async Task<string> SubmitAsync(PortalSubmission s, IReadOnlyList<IFormFile> photos, CancellationToken ct)
    {
        var formToken = s.FormToken is { Length: >= 16 and <= 64 } t ? t : NewToken();
        var request = RequestOf(s, formToken);
        RegisterAppeal.Outcome outcome;
        try
        {
            outcome = await register.HandleAsync(request, PortalActor, ct);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request stored it.
            db.ChangeTracker.Clear();
            var existing = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.ExternalId == ExternalIdPrefix + formToken, ct)
                ?? throw new ConflictException(Text.Get("error.conflict"));
            return existing.TrackingToken ?? await EnsureTrackingTokenAsync(existing.RegistrationNumber, ct);
        }
        if (!outcome.Created)
            return outcome.Appeal.TrackingToken ?? await EnsureTrackingTokenAsync(outcome.Appeal.RegistrationNumber, ct);

        var appeal = outcome.Appeal;
        appeal.TrackingToken = NewToken();
        await db.SaveChangesAsync(ct);
        foreach (var photo in photos.Where(p => p.Length > 0))
            await attachments.AddAsync(appeal.RegistrationNumber, null, photo, false, PortalActor, ct);
        return appeal.TrackingToken;
    }

    /// <summary>The registration request a portal form becomes (also kept by the intake hold, F5.4, to register on release).</summary>
    public static RegisterAppealRequest RequestOf(PortalSubmission s, string formToken) => new(
        Channel.Web, AppealKind.Application, AppealForm.Electronic,
        new ApplicantInput(s.FullName, s.Phone, s.Email, s.Address, null, null, null, null),
        s.IsCollective, s.IsCollective ? s.SignatoriesCount : null, s.CategoryCode, s.Description,
        new LocationInput(s.ProblemAddress, null, null, null), null, null, null, false,
        ExternalIdPrefix + formToken, null, null, null);

    private async Task<string> EnsureTrackingTokenAsync(string number, CancellationToken ct)
    {
        var token = NewToken();
        await db.Appeals.Where(a => a.RegistrationNumber == number && a.TrackingToken == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TrackingToken, token), ct);
        return (await db.Appeals.AsNoTracking().Where(a => a.RegistrationNumber == number).Select(a => a.TrackingToken).FirstAsync(ct))!;
    }

    /// <summary>The private link of the appeal with this number and phone, or null (same answer for either mismatch).</summary>
    public async Task<string?> FindAsync(string? number, string? phone, CancellationToken ct)
    {
        var normalized = PhoneNormalizer.TryNormalize(phone);
        number = number?.Trim();
        if (normalized is null || string.IsNullOrEmpty(number) || number.Length > 32)
            return null;
        var found = await db.Appeals.AsNoTracking()
            .Where(a => a.RegistrationNumber == number && a.Applicant.Phone == normalized)
            .Select(a => new { a.RegistrationNumber, a.TrackingToken }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        return found.TrackingToken ?? await EnsureTrackingTokenAsync(found.RegistrationNumber, ct);
    }

    public async Task<TrackView?> TrackAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: >= 16 and <= 64 })
            return null;
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.TrackingToken == token, ct);
        if (appeal is null)
            return null;
        var all = await categories.AllAsync(ct);
        var questions = appeal.Questions.OrderBy(q => q.Number).ToList();
        var category = string.Join(", ", questions.Select(q => all.TryGetValue(q.CategoryCode, out var c)
            ? (PortalText.English && c.NameEn is { Length: > 0 } en ? en : c.Name)
            : q.CategoryCode).Distinct());
        var history = await db.AppealHistory.AsNoTracking().Where(h => h.AppealId == appeal.Id && h.Public)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        var lines = history.Select(h => new TrackLine(h.At, h.ToStatus is { } to ? PortalText.Status(to) : h.Action,
            h.Action is "registered" ? null : h.Comment)).ToList();
        var answers = questions.Where(q => q.ResultText is { Length: > 0 } && q.Status is not (AppealStatus.InProgress or AppealStatus.Assigned))
            .Select(q => q.ResultText!).ToList();
        var toRate = questions.FirstOrDefault(q => q.Status == AppealStatus.ResultReported);
        return new TrackView(appeal.RegistrationNumber, token, appeal.Status, appeal.ReceivedAt, appeal.DueAt, category, appeal.Description, answers, lines,
            toRate?.Number, questions.Any(q => q.VerifiedAt is not null));
    }

    /// <summary>The applicant confirms the result or not, with a rating and a comment (F6.1).</summary>
    public async Task RateAsync(string token, int questionNumber, bool? confirmed, int? rating, string? comment, CancellationToken ct)
    {
        var number = await db.Appeals.AsNoTracking().Where(a => a.TrackingToken == token).Select(a => a.RegistrationNumber).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(PortalText.T("track.linkMissing"));
        if (confirmed is null)
            throw AppValidationException.For("confirmed", PortalText.T("rate.choose"));
        await workflow.VerifyAsync(number, questionNumber, new VerificationRequest(confirmed, rating, comment, "portal"), Applicant, ct);
    }

    public async Task<IReadOnlyList<KnowledgeArticle>> FaqAsync(string? query, CancellationToken ct)
    {
        var q = db.KnowledgeArticles.AsNoTracking().Where(a => a.IsPublic);
        var words = (query ?? "").ToLowerInvariant().Split([' ', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 2).Take(5)
            // A crude stem: Ukrainian words change their endings («вода», «води», «воду»).
            .Select(w => w.Length > 5 ? w[..^2] : w.Length > 3 ? w[..^1] : w).ToList();
        foreach (var w in words)
            q = q.Where(a => a.SearchText.Contains(w));
        return await q.OrderBy(a => a.Title).Take(50).ToListAsync(ct);
    }
}
