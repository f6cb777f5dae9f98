using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Portal;
using ContactCenter.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Reports;

/// <summary>
/// Configuration section <c>ContactCenter:Letterhead</c>: the issuing body and the signatory of answer letters. The
/// community's name, address, phone and e-mail come from <c>ContactCenter:Portal</c> (one place for them).
/// </summary>
public sealed class LetterheadOptions
{
    public const string Section = "ContactCenter:Letterhead";

    /// <summary>The issuing body above the community name, e.g. «Виконавчий комітет … міської ради».</summary>
    public string? Organisation { get; set; }
    public string SignatoryTitle { get; set; } = "Начальник контакт-центру";
    public string? SignatoryName { get; set; }
}

public sealed record Letterhead(string Community, string? Organisation, string Address, string Phone, string? Email, string SignatoryTitle, string? SignatoryName);

public enum PrintKind { Card, Letter }

public sealed record PrintModel(PrintKind Kind, Letterhead Head, AppealView Appeal, bool Masked, DateTimeOffset PrintedAt);

/// <summary>
/// The printable card and answer letter. The card is an export in the sense of R12: a hidden identity is masked for
/// everyone. The letter is addressed to the applicant, so staff who send it see the addressee; an executor never does.
/// Every print is audited.
/// </summary>
public sealed class AppealPrint(AppealQueries queries, AuditLog audit, CalendarService calendar, TimeProvider time,
    IOptions<PortalOptions> portal, IConfiguration configuration)
{
    public async Task<PrintModel> BuildAsync(string number, PrintKind kind, Actor actor, CancellationToken ct)
    {
        var view = await queries.GetAsync(number, actor, ct);
        var mask = view.Applicant.Hidden || (view.HideIdentity && (kind == PrintKind.Card || actor.IsExecutorSide));
        if (mask && !view.Applicant.Hidden)
            view = view with { Applicant = AppealQueries.ToView(new Applicant { FullName = "" }, true) };
        await audit.RecordReadAsync(actor, "appealPrint", number, kind == PrintKind.Card ? "card" : "letter", ct);
        return new PrintModel(kind, Head(), view, mask, TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone));
    }

    public Letterhead Head()
    {
        var p = portal.Value;
        var l = configuration.GetSection(LetterheadOptions.Section).Get<LetterheadOptions>() ?? new LetterheadOptions();
        var english = Console.T.English;
        return new Letterhead(english ? p.CommunityNameEn : p.CommunityName, l.Organisation, p.Address, p.Phone, p.Email, l.SignatoryTitle, l.SignatoryName);
    }
}
