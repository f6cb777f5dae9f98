using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.ApiKeys;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 server (INTEGRATIONS.md) at /open311/v2/: categories are the services, a posted request is an
/// ordinary appeal registered by <see cref="RegisterAppeal"/>. Every document in JSON and XML; errors as the spec's
/// list of {code, description}. No personal data of applicants ever leaves through here.
/// </summary>
public static class Open311Api
{
    public const string Base = "/open311/v2";
    public const int MaxRequests = 1000;
    public const int MaxDescription = 4000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Base).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        g.MapGet("/discovery.{format}", Discovery).WithName("Open311Discovery");
        g.MapGet("/services.{format}", Services).WithName("Open311Services");
        g.MapGet("/services/{file}", ServiceDefinition).WithName("Open311ServiceDefinition");
        g.MapGet("/requests.{format}", Requests).WithName("Open311Requests");
        g.MapPost("/requests.{format}", PostRequest).WithName("Open311PostRequest");
        g.MapGet("/requests/{file}", OneRequest).WithName("Open311Request");
        g.MapGet("/tokens/{file}", Token).WithName("Open311Token");
        return app;
    }

    private static IResult? CheckFormat(ref string format)
    {
        format = format.ToLowerInvariant();
        if (format is Open311Format.Json or Open311Format.Xml)
            return null;
        var bad = format;
        format = Open311Format.Xml;
        return Open311Format.Errors(Open311Format.Xml, 404, ("404", $"Format '{bad}' is not served; use .xml or .json."));
    }

    private static IResult? CheckJurisdiction(HttpContext http, Open311Options options, string format, string? formValue = null)
    {
        var given = formValue ?? http.Request.Query["jurisdiction_id"].ToString();
        if (string.IsNullOrWhiteSpace(given) || options.JurisdictionId is not { Length: > 0 } configured)
            return null;
        return string.Equals(given.Trim(), configured, StringComparison.OrdinalIgnoreCase)
            ? null
            : Open311Format.Errors(format, 404, ("404", $"jurisdiction_id '{given}' is not served here."));
    }

    private static IResult Discovery(string format, HttpContext http, IOptions<Open311Options> options, CalendarService calendar)
    {
        if (CheckFormat(ref format) is { } bad)
            return bad;
        var o = options.Value;
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Base}/";
        var doc = new O311Object
        {
            { "changeset", Open311Format.Date(o.Changeset, calendar.TimeZone) },
            { "contact", o.Contact },
            { "key_service", o.KeyService },
            {
                "endpoints", new O311List("endpoint",
                [
                    new O311Object
                    {
                        { "specification", "http://wiki.open311.org/GeoReport_v2" },
                        { "url", url },
                        { "changeset", Open311Format.Date(o.Changeset, calendar.TimeZone) },
                        { "type", "production" },
                        { "formats", new O311List("format", ["text/xml", "application/json"]) },
                    },
                ])
            },
        };
        return Open311Format.Result(format, "discovery", doc);
    }

    /// <summary>Services are the active leaf categories that carry an Open311 service code.</summary>
    private static async Task<List<Category>> ServiceCategoriesAsync(CategoryDirectory directory, CancellationToken ct)
    {
        var all = await directory.AllAsync(ct);
        var parents = all.Values.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        return all.Values.Where(c => c.IsActive && c.Open311ServiceCode is { Length: > 0 } && !parents.Contains(c.Code))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
    }

    private static string NameOf(Category c) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && c.NameEn is { Length: > 0 } en ? en : c.Name;

    private static async Task<IResult> Services(string format, HttpContext http, IOptions<Open311Options> options, CategoryDirectory directory, CancellationToken ct)
    {
        if (CheckFormat(ref format) is { } bad)
            return bad;
        if (CheckJurisdiction(http, options.Value, format) is { } wrong)
            return wrong;
        var all = await directory.AllAsync(ct);
        var services = await ServiceCategoriesAsync(directory, ct);
        var list = services.Select(c => (object?)new O311Object
        {
            { "service_code", c.Open311ServiceCode },
            { "service_name", NameOf(c) },
            { "description", NameOf(c) },
            { "metadata", Open311Attribute.Parse(c.Open311Attributes).Count > 0 },
            { "type", "realtime" },
            { "keywords", c.Code.Replace('.', ',') },
            { "group", c.ParentCode is { } p && all.TryGetValue(p, out var parent) ? NameOf(parent) : "" },
        }).ToList();
        return Open311Format.Result(format, "services", new O311List("service", list));
    }

    private static async Task<IResult> ServiceDefinition(string file, HttpContext http, IOptions<Open311Options> options, CategoryDirectory directory, CancellationToken ct)
    {
        if (Open311Format.Split(file) is not var (code, format))
            return Open311Format.Errors(Open311Format.Xml, 404, ("404", "Unknown format; use .xml or .json."));
        if (CheckJurisdiction(http, options.Value, format) is { } wrong)
            return wrong;
        var service = (await ServiceCategoriesAsync(directory, ct)).FirstOrDefault(c => c.Open311ServiceCode == code);
        if (service is null)
            return Open311Format.Errors(format, 404, ("404", $"service_code '{code}' not found."));
        var attributes = Open311Attribute.Parse(service.Open311Attributes).OrderBy(a => a.Order).Select(a => (object?)new O311Object
        {
            { "variable", a.Variable },
            { "code", a.Code },
            { "datatype", a.Datatype },
            { "required", a.Required },
            { "datatype_description", a.DatatypeDescription ?? "" },
            { "order", a.Order },
            { "description", a.Description ?? "" },
            { "values", new O311List("value", (a.Values ?? []).Select(v => (object?)new O311Object { { "key", v.Key }, { "name", v.Name } }).ToList()) },
        }).ToList();
        var doc = new O311Object { { "service_code", code }, { "attributes", new O311List("attribute", attributes) } };
        return Open311Format.Result(format, "service_definition", doc);
    }

    private static async Task<IResult> PostRequest(
        string format, HttpContext http, IOptions<Open311Options> options, AppDbContext db, CategoryDirectory directory,
        RegisterAppeal register, TimeProvider time, CancellationToken ct)
    {
        if (CheckFormat(ref format) is { } bad)
            return bad;
        if (!http.Request.HasFormContentType)
            return Open311Format.Errors(format, 400, ("400", "The body must be application/x-www-form-urlencoded."));
        var form = await http.Request.ReadFormAsync(ct);
        string? F(string name) => form[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        if (CheckJurisdiction(http, options.Value, format, F("jurisdiction_id")) is { } wrong)
            return wrong;
        var key = await FindKeyAsync(db, F("api_key"), ct);
        if (key is null)
            return Open311Format.Errors(format, 403, ("403", F("api_key") is null ? "api_key is required." : "api_key is not valid."));

        var errors = new List<(string, string)>();
        var serviceCode = F("service_code");
        if (serviceCode is null)
            return Open311Format.Errors(format, 400, ("400", "service_code is required."));
        var service = (await ServiceCategoriesAsync(directory, ct)).FirstOrDefault(c => c.Open311ServiceCode == serviceCode);
        if (service is null)
            return Open311Format.Errors(format, 404, ("404", $"service_code '{serviceCode}' not found."));

        double? lat = null, lng = null;
        if (F("lat") is { } latText || F("long") is not null)
        {
            if (double.TryParse(F("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && la is >= -90 and <= 90
                && double.TryParse(F("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) && lo is >= -180 and <= 180)
            {
                lat = la;
                lng = lo;
            }
            else
            {
                errors.Add(("400", "lat and long must both be given as decimal degrees."));
            }
        }
        int? addressId = null;
        if (F("address_id") is { } aid)
        {
            if (int.TryParse(aid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && await db.Buildings.AnyAsync(b => b.Id == id, ct))
                addressId = id;
            else
                errors.Add(("400", $"address_id '{aid}' is not in the address register."));
        }
        var addressString = F("address_string");
        if (lat is null && addressId is null && addressString is null && errors.Count == 0)
            errors.Add(("400", "A location is required: lat and long, address_string or address_id."));
        var description = F("description");
        if (description is { Length: > MaxDescription })
            errors.Add(("400", $"description is longer than {MaxDescription} characters."));

        // Category-specific attributes: required ones present, list values among the allowed keys.
        var extra = new StringBuilder();
        foreach (var a in Open311Attribute.Parse(service.Open311Attributes).OrderBy(a => a.Order))
        {
            var values = form[$"attribute[{a.Code}]"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (values.Count == 0)
            {
                if (a.Required)
                    errors.Add(("400", $"attribute[{a.Code}] is required."));
                continue;
            }
            if (a.Datatype is "singlevaluelist" or "multivaluelist")
            {
                var allowed = (a.Values ?? []).ToDictionary(v => v.Key, v => v.Name);
                if (values.Any(v => !allowed.ContainsKey(v)) || (a.Datatype == "singlevaluelist" && values.Count > 1))
                {
                    errors.Add(("400", $"attribute[{a.Code}] must be one of: {string.Join(", ", allowed.Keys)}."));
                    continue;
                }
                values = values.Select(v => allowed[v]).ToList();
            }
            else if (a.Datatype == "number" && !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(("400", $"attribute[{a.Code}] must be a number."));
                continue;
            }
            extra.Append('\n').Append(a.Description ?? a.Code).Append(": ").Append(string.Join(", ", values));
        }

        // The Law of Ukraine «Про звернення громадян» (Art. 5, 8): an appeal names its author and their place of
        // residence; anonymous appeals are not considered. Open311 has no residence field: the extension parameter
        // residence_address carries it; without it the address the applicant gave (address_string) is taken.
        var name = string.Join(' ', new[] { F("last_name"), F("first_name") }.OfType<string>());
        if (name.Length == 0)
            errors.Add(("400", "first_name and last_name are required: the Law of Ukraine «On Citizens' Appeals» (Art. 5, 8) does not allow anonymous appeals."));
        var residence = F("residence_address") ?? addressString;
        if (residence is null)
            errors.Add(("400", "residence_address (or address_string) is required: the Law of Ukraine «On Citizens' Appeals» (Art. 5) requires the applicant's place of residence."));
        if (errors.Count > 0)
            return Open311Format.Errors(format, 400, [.. errors]);

        var text = (description ?? NameOf(service)) + extra;
        if (F("media_url") is { } media)
            text += "\nФото: " + media;
        var request = new RegisterAppealRequest(
            options.Value.Channel, AppealKind.Application, AppealForm.Electronic,
            new ApplicantInput(name, F("phone"), F("email"), residence, null, null, null, null),
            false, null, service.Code, text.Length > RegisterAppeal.MaxDescription ? text[..RegisterAppeal.MaxDescription] : text,
            new LocationInput(addressString, addressId, lat, lng), null, null, null, false, null, null, null, null);
        var actor = new Actor("apikey:" + key.Id.ToString(CultureInfo.InvariantCulture), "Open311: " + key.Name, key.Role, key.ExecutorId);
        Appeal appeal;
        try
        {
            appeal = (await register.HandleAsync(request, actor, ct)).Appeal;
        }
        catch (ForbiddenException)
        {
            return Open311Format.Errors(format, 403, ("403", "This api_key may not submit requests."));
        }
        catch (AppValidationException ex)
        {
            return Open311Format.Errors(format, 400, [.. ex.Errors.SelectMany(e => e.Value.Select(m => ("400", $"{Open311Field(e.Key)}: {m}")))]);
        }

        var token = new Open311Token { Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), AppealId = appeal.Id, CreatedAt = time.GetUtcNow() };
        db.Open311Tokens.Add(token);
        await db.SaveChangesAsync(ct);
        var item = new O311Object
        {
            { "service_request_id", appeal.RegistrationNumber },
            { "token", token.Token },
            { "service_notice", $"Звернення зареєстровано за № {appeal.RegistrationNumber}." },
            { "account_id", F("account_id") ?? "" },
        };
        return Open311Format.Result(format, "service_requests", new O311List("request", [item]));
    }

    private static string Open311Field(string field) => field switch
    {
        "applicant.fullName" => "first_name/last_name",
        "applicant.address" => "residence_address",
        "applicant.phone" => "phone",
        "applicant.email" => "email",
        "categoryCode" => "service_code",
        "location" => "address_string",
        _ => field,
    };

    private static async Task<ApiKeys.ApiKey?> FindKeyAsync(AppDbContext db, string? key, CancellationToken ct)
    {
        if (key is null || key.Length > 200)
            return null;
        var hash = ApiKeyService.Hash(key);
        var prefix = ApiKeyService.PrefixOf(key);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).ToListAsync(ct);
        return candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), Encoding.ASCII.GetBytes(hash)));
    }

    private static async Task<IResult> Requests(
        string format, HttpContext http, IOptions<Open311Options> options, AppDbContext db, CategoryDirectory directory,
        ExecutorDirectory executors, CalendarService calendar, TimeProvider time, CancellationToken ct)
    {
        if (CheckFormat(ref format) is { } bad)
            return bad;
        if (CheckJurisdiction(http, options.Value, format) is { } wrong)
            return wrong;
        string? Q(string name) => http.Request.Query[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        static List<string> Csv(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

        var errors = new List<(string, string)>();
        DateTimeOffset? Date(string name)
        {
            if (Q(name) is not { } text)
                return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                return d;
            errors.Add(("400", $"{name} must be an ISO 8601 date-time."));
            return null;
        }
        int Int(string name, int fallback, int min, int max)
        {
            if (Q(name) is not { } text)
                return fallback;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            errors.Add(("400", $"{name} must be a whole number from {min} to {max}."));
            return fallback;
        }
        var start = Date("start_date");
        var end = Date("end_date");
        var status = Q("status")?.ToLowerInvariant();
        if (status is not (null or "open" or "closed"))
            errors.Add(("400", "status must be open or closed."));
        var page = Int("page", 1, 1, 100000);
        var pageSize = Int("page_size", MaxRequests, 1, MaxRequests);
        if (errors.Count > 0)
            return Open311Format.Errors(format, 400, [.. errors]);

        var query = db.Appeals.AsNoTracking();
        if (Q("service_request_id") is { } ids)
        {
            // The spec: a list of ids overrides every other filter.
            var numbers = Csv(ids);
            query = query.Where(a => numbers.Contains(a.RegistrationNumber));
        }
        else
        {
            if (Q("service_code") is { } codes)
            {
                var wanted = Csv(codes);
                var categoryCodes = (await ServiceCategoriesAsync(directory, ct))
                    .Where(c => wanted.Contains(c.Open311ServiceCode!)).Select(c => c.Code).ToList();
                query = query.Where(a => a.Questions.Any(q => categoryCodes.Contains(q.CategoryCode)));
            }
            // Default window: the 90 days before end_date (or now); a start_date alone opens 90 days after it.
            var to = end ?? (start is { } s ? s + DefaultWindow : time.GetUtcNow());
            var from = start ?? to - DefaultWindow;
            query = query.Where(a => a.ReceivedAt >= from && a.ReceivedAt <= to);
            var open = AppealStateMachine.OpenStatuses.ToList();
            if (status == "open")
                query = query.Where(a => open.Contains(a.Status));
            else if (status == "closed")
                query = query.Where(a => !open.Contains(a.Status));
        }
        var appeals = await query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(a => a.Questions).AsSplitQuery()
            .ToListAsync(ct);
        var items = await RenderAsync(appeals, Extensions(http), db, directory, executors, calendar, ct);
        return Open311Format.Result(format, "service_requests", new O311List("request", items));
    }

    private static bool Extensions(HttpContext http) =>
        string.Equals(http.Request.Query["extensions"].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> OneRequest(
        string file, HttpContext http, IOptions<Open311Options> options, AppDbContext db, CategoryDirectory directory,
        ExecutorDirectory executors, CalendarService calendar, CancellationToken ct)
    {
        if (Open311Format.Split(file) is not var (id, format))
            return Open311Format.Errors(Open311Format.Xml, 404, ("404", "Unknown format; use .xml or .json."));
        if (CheckJurisdiction(http, options.Value, format) is { } wrong)
            return wrong;
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).AsSplitQuery().FirstOrDefaultAsync(a => a.RegistrationNumber == id, ct);
        if (appeal is null)
            return Open311Format.Errors(format, 404, ("404", $"service_request_id '{id}' not found."));
        var items = await RenderAsync([appeal], Extensions(http), db, directory, executors, calendar, ct);
        return Open311Format.Result(format, "service_requests", new O311List("request", items));
    }

    private static async Task<IResult> Token(string file, HttpContext http, IOptions<Open311Options> options, AppDbContext db, CancellationToken ct)
    {
        if (Open311Format.Split(file) is not var (token, format))
            return Open311Format.Errors(Open311Format.Xml, 404, ("404", "Unknown format; use .xml or .json."));
        if (CheckJurisdiction(http, options.Value, format) is { } wrong)
            return wrong;
        var number = await db.Open311Tokens.AsNoTracking().Where(t => t.Token == token)
            .Join(db.Appeals, t => t.AppealId, a => a.Id, (t, a) => a.RegistrationNumber).FirstOrDefaultAsync(ct);
        if (number is null)
            return Open311Format.Errors(format, 404, ("404", $"token '{token}' not found."));
        var item = new O311Object { { "service_request_id", number }, { "token", token } };
        return Open311Format.Result(format, "service_requests", new O311List("request", [item]));
    }

    /// <summary>The public fields of appeals; the applicant's name, phone, e-mail and residence are never among them.</summary>
    private static async Task<List<object?>> RenderAsync(
        List<Appeal> appeals, bool extensions, AppDbContext db, CategoryDirectory directory, ExecutorDirectory executors,
        CalendarService calendar, CancellationToken ct)
    {
        var categories = await directory.AllAsync(ct);
        var lookup = await executors.LookupAsync(ct);
        var zone = calendar.TimeZone;
        Dictionary<long, List<AppealHistoryEntry>> notes = [];
        if (extensions && appeals.Count > 0)
        {
            var ids = appeals.Select(a => a.Id).ToList();
            notes = (await db.AppealHistory.AsNoTracking().Where(h => ids.Contains(h.AppealId) && h.Public).ToListAsync(ct))
                .GroupBy(h => h.AppealId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.At).ThenBy(h => h.Id).ToList());
        }
        var list = new List<object?>();
        foreach (var a in appeals)
        {
            var q = a.Questions.OrderBy(x => x.Number).FirstOrDefault();
            var category = q is not null && categories.TryGetValue(q.CategoryCode, out var c) ? c : null;
            var open = AppealStateMachine.IsOpen(a.Status);
            var answer = a.Questions.OrderBy(x => x.Number).Select(x => x.ResultText).LastOrDefault(t => t is { Length: > 0 });
            var item = new O311Object
            {
                { "service_request_id", a.RegistrationNumber },
                { "status", open ? "open" : "closed" },
                { "status_notes", open ? StatusNote(a.Status) : answer ?? StatusNote(a.Status) },
                { "service_name", category is null ? "" : NameOf(category) },
                { "service_code", category?.Open311ServiceCode ?? q?.CategoryCode ?? "" },
                { "description", a.Description },
                { "agency_responsible", lookup.Ref(q?.ExecutorId)?.Name ?? "" },
                { "service_notice", "" },
                { "requested_datetime", Open311Format.Date(a.ReceivedAt, zone) },
                { "updated_datetime", Open311Format.Date(a.UpdatedAt, zone) },
                { "expected_datetime", Open311Format.Date(a.DueAt, zone) },
                { "address", q?.Location.Address ?? "" },
                { "address_id", q?.Location.BuildingId?.ToString(CultureInfo.InvariantCulture) ?? "" },
                { "zipcode", "" },
                { "lat", q?.Location.Lat },
                { "long", q?.Location.Long },
                { "media_url", "" },
            };
            if (extensions)
            {
                var entries = notes.GetValueOrDefault(a.Id) ?? [];
                item.Add("extended_attributes", new O311Object
                {
                    {
                        "notes", new O311List("note", entries.Select(h => (object?)new O311Object
                        {
                            { "datetime", Open311Format.Date(h.At, zone) },
                            { "type", h.Action },
                            { "summary", h.ToStatus is { } to ? StatusNote(to) : h.Action },
                            { "description", h.Action == "registered" ? "" : h.Comment ?? "" },
                        }).ToList())
                    },
                });
            }
            list.Add(item);
        }
        return list;
    }

    private static string StatusNote(AppealStatus status) => Infrastructure.Text.Status(status);
}
