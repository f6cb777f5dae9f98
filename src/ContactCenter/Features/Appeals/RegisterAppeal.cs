using System.Net.Mail;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Deadlines;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Routing;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Registers an appeal (F1): validates the law's required data (R1, R3, R7), routes each question,
/// computes its deadline from the working calendar, numbers the card and records history and audit —
/// all in one transaction. The one path every channel uses.
/// </summary>
public sealed class RegisterAppeal(
    AppDbContext db,
    RegistrationNumbers numbers,
    CalendarService calendar,
    Router router,
    ExecutorDirectory executors,
    CategoryDirectory categoryDirectory,
    AuditLog audit,
    AppealEvents events,
    TimeProvider time,
    IEnumerable<IAppealRegisteredHook> hooks,
    ILogger<RegisterAppeal> logger)
{
    public const int MaxQuestions = 20;
    public const int MaxDescription = 8000;

    // Clients' clocks drift; a received time a little ahead of ours is taken as "now", not refused.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    // Words callers give instead of a name (R3).
    private static readonly string[] AnonymousNames = ["анонім", "анонимно", "анонімно", "аноним", "anonymous", "невідомо", "без імені", "-", "—"];

    public sealed record Outcome(Appeal Appeal, bool Created);

    public async Task<Outcome> HandleAsync(RegisterAppealRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.CanRegister)
            throw new ForbiddenException(Text.Get("error.forbidden"));

        if (request.ExternalId is { Length: > 0 } externalId)
        {
            // Idempotent replay: an integration resending the same card gets the card it created.
            var existing = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.ExternalId == externalId, ct);
            if (existing is not null)
                return new Outcome(existing, false);
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var applicant = ValidateApplicant(request, errors);
        if (request.Channel is null)
            errors.Add("channel", Text.Get("field.required"));
        if (request.Kind is null)
            errors.Add("kind", Text.Get("field.required"));
        if (request.IsCollective && request.SignatoriesCount is null or < 2)
            errors.Add("signatoriesCount", Text.Get("signatories.required"));
        var receivedAt = request.ReceivedAt ?? now;
        if (receivedAt > now + ClockSkew)
            errors.Add("receivedAt", Text.Get("receivedAt.future"));
        else if (receivedAt > now)
            receivedAt = now;
        if (request.ExternalId is { Length: > 100 })
            errors.Add("externalId", Text.Get("field.tooLong", 100));
        // The call during which the appeal is registered (the console's caller pop), linked after commit.
        long? callRowId = null;
        if (request.CallId is { Length: > 0 } callId && (callRowId = await Telephony.CallLinks.FindAsync(db, callId, ct)) is null)
            errors.Add("callId", Text.Get("call.unknown", callId));

        var questions = request.Questions is { Count: > 0 } list
            ? list
            : [new QuestionInput(request.CategoryCode, request.Description, request.Location, request.ExecutorId, null)];
        if (request.Questions is { Count: > 0 } && (request.CategoryCode is not null || request.ExecutorId is not null))
            errors.Add("questions", Text.Get("questions.mixed"));
        if (questions.Count > MaxQuestions)
            errors.Add("questions", Text.Get("questions.tooMany", MaxQuestions));

        var categories = await categoryDirectory.AllAsync(ct);
        var tracks = await calendar.GetTracksAsync(ct);
        var lookup = await executors.LookupAsync(ct);
        var single = request.Questions is not { Count: > 0 };
        if (request.ReviewTrack is { Length: > 0 } rt && !tracks.ContainsKey(rt))
            errors.Add("reviewTrack", Text.Get("reviewTrack.unknown", rt));
        if (request.ContestedExecutorId is { } contested && !lookup.Exists(contested))
            errors.Add("contestedExecutorId", Text.Get("executor.unknown", contested));

        var resolved = new List<(QuestionInput Input, Category Category, string Track)>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var prefix = single ? "" : $"questions[{i}].";
            Category? category = null;
            if (string.IsNullOrWhiteSpace(q.CategoryCode))
                errors.Add(prefix + "categoryCode", Text.Get("category.required"));
            else if (!categories.TryGetValue(q.CategoryCode.Trim(), out category) || !category.IsActive)
                errors.Add(prefix + "categoryCode", Text.Get("category.unknown", q.CategoryCode));
            if (string.IsNullOrWhiteSpace(q.Description))
                errors.Add(prefix + "description", Text.Get("description.required"));
            else if (q.Description.Length > MaxDescription)
                errors.Add(prefix + "description", Text.Get("field.tooLong", MaxDescription));
            if (category is { AddressRequired: true } && string.IsNullOrWhiteSpace(q.Location?.Address) && q.Location?.AddressId is null && q.Location?.Lat is null)
                errors.Add(prefix + "location", Text.Get("location.required"));
            if (q.ExecutorId is { } eid && !lookup.Exists(eid))
                errors.Add(prefix + "executorId", Text.Get("executor.unknown", eid));
            if (q.ExecutorId is { } chosen && request.Kind == AppealKind.Complaint && chosen == request.ContestedExecutorId)
                errors.Add(prefix + "executorId", Text.Get("complaint.contestedExecutor"));
            if (q.ReviewTrack is { Length: > 0 } qt && !tracks.ContainsKey(qt))
                errors.Add(prefix + "reviewTrack", Text.Get("reviewTrack.unknown", qt));
            var track = q.ReviewTrack is { Length: > 0 } ? q.ReviewTrack
                : request.ReviewTrack is { Length: > 0 } ? request.ReviewTrack
                : request.Priority == Priority.Urgent ? "urgent"
                : category?.ReviewTrackCode ?? "simple";
            if (category is not null)
                resolved.Add((q, category, track));
        }
        errors.ThrowIfAny();

        var cal = await calendar.GetCalendarAsync(ct);
        var buildingDistricts = await BuildingDistrictsAsync(questions, ct);
        var description = single ? questions[0].Description!.Trim() : string.Join("\n\n", questions.Select((q, i) => $"{i + 1}. {q.Description!.Trim()}"));
        var appeal = new Appeal
        {
            RegistrationNumber = await numbers.NextAsync(cal.LocalDate(now), ct),
            ReceivedAt = receivedAt,
            RegisteredAt = now,
            UpdatedAt = now,
            Channel = request.Channel!.Value,
            Kind = request.Kind!.Value,
            Form = request.Form ?? DefaultForm(request.Channel!.Value),
            Priority = request.Priority ?? Priority.Standard,
            Applicant = applicant!,
            IsCollective = request.IsCollective,
            SignatoriesCount = request.IsCollective ? request.SignatoriesCount : null,
            HideIdentity = request.HideIdentity,
            Description = description,
            SearchText = description.ToLowerInvariant(),
            ExternalId = request.ExternalId is { Length: > 0 } ? request.ExternalId : null,
            ContestedExecutorId = request.Kind == AppealKind.Complaint ? request.ContestedExecutorId : null,
            RegisteredByUserId = actor.UserId,
            RegisteredByName = actor.Name,
        };

        var history = new List<AppealHistoryEntry>
        {
            new()
            {
                At = now,
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                Action = "registered",
                ToStatus = AppealStatus.Registered,
                Comment = QueryEnum.Name(appeal.Channel),
                Public = true,
            },
        };
        var number = 0;
        foreach (var (input, category, trackCode) in resolved)
        {
            number++;
            var track = tracks[trackCode];
            var location = ToLocation(input.Location, buildingDistricts);
            var executorId = input.ExecutorId;
            if (executorId is null)
            {
                var suggestion = await router.SuggestAsync(category.Code, location.BuildingId, location.DistrictId, ct);
                executorId = suggestion?.ExecutorId;
                // R7: a complaint never goes to the executor it contests; the unit above it takes it, or an operator decides.
                if (executorId is not null && executorId == appeal.ContestedExecutorId)
                    executorId = lookup.ParentOf(executorId.Value);
            }
            var question = new Question
            {
                Number = number,
                CategoryCode = category.Code,
                Description = input.Description!.Trim(),
                ReceivedAt = receivedAt,
                Location = location,
                ReviewTrackCode = track.Code,
                Status = AppealStatus.Registered,
                DueAt = Earlier(DeadlineCalculator.Due(receivedAt, new ReviewTrack(track.Code, track.Term, track.Unit), cal), request.DueNotLaterThan),
            };
            if (executorId is { } assigned)
            {
                // Routing by the rules is the system's act; an executor chosen by hand is the operator's.
                // An integration's card may name its executor (the Unified System does); that is routing by data.
                var assigner = input.ExecutorId is null || actor.ActorRole == ActorRole.Integration ? ActorRole.System : actor.ActorRole;
                question.Status = AppealStateMachine.Fire(AppealStatus.Registered, AppealTrigger.Assign, assigner).To;
                question.ExecutorId = assigned;
                question.Assignments.Add(new Assignment { ExecutorId = assigned, Role = AssignmentRole.Main, AssignedAt = now });
                history.Add(new AppealHistoryEntry
                {
                    At = now,
                    ActorUserId = actor.UserId,
                    ActorName = actor.Name,
                    Action = "assigned",
                    QuestionNumber = resolved.Count > 1 ? number : null,
                    FromStatus = AppealStatus.Registered,
                    ToStatus = AppealStatus.Assigned,
                    Comment = lookup.Ref(assigned)!.Name,
                    Public = true,
                });
            }
            appeal.Questions.Add(question);
        }
        AppealProjection.Refresh(appeal);

        // The card, its first timeline lines and the audit record commit together.
        appeal.History.AddRange(history);
        db.Appeals.Add(appeal);
        audit.Add(actor, "create", "appeal", appeal.RegistrationNumber, $"channel={appeal.Channel}; questions={appeal.Questions.Count}");
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, "registered", ct);
        if (callRowId is { } call)
            await Telephony.CallLinks.LinkAsync(db, call, appeal.Id, now, ct);
        // Issue 7 (outages): after-commit hooks, e.g. linking to an active outage. The appeal is registered whatever they do.
        foreach (var hook in hooks)
        {
            try
            {
                await hook.AppealRegisteredAsync(appeal, actor, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "After-registration hook {Hook} failed for {Number}", hook.GetType().Name, appeal.RegistrationNumber);
            }
        }
        return new Outcome(appeal, true);
    }

    /// <summary>Words callers give instead of a name (R3): such an appeal is not registered.</summary>
    public static bool IsAnonymousName(string name) => AnonymousNames.Contains(name.Trim().ToLowerInvariant());

    private static Applicant? ValidateApplicant(RegisterAppealRequest request, ValidationErrors errors)
    {
        var a = request.Applicant;
        var name = a?.FullName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("applicant.fullName", Text.Get("applicant.fullName.required"));
        }
        else if (IsAnonymousName(name))
        {
            errors.Add("applicant.fullName", Text.Get("applicant.anonymous"));
        }
        else if (name.Length > 300)
        {
            errors.Add("applicant.fullName", Text.Get("field.tooLong", 300));
        }
        if (string.IsNullOrWhiteSpace(a?.Address))
            errors.Add("applicant.address", Text.Get("applicant.address.required"));

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(a?.Phone))
        {
            phone = PhoneNormalizer.TryNormalize(a.Phone);
            if (phone is null)
                errors.Add("applicant.phone", Text.Get("applicant.phone.invalid"));
        }
        string? email = null;
        if (!string.IsNullOrWhiteSpace(a?.Email))
        {
            email = a.Email.Trim();
            if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
                errors.Add("applicant.email", Text.Get("applicant.email.invalid"));
        }
        var electronic = request.Form == AppealForm.Electronic || request.Channel is Channel.Email or Channel.Web or Channel.Telegram;
        if (electronic && email is null && phone is null && string.IsNullOrWhiteSpace(a?.TelegramId))
            errors.Add("applicant.email", Text.Get("applicant.contact.required"));

        if (a is null || string.IsNullOrEmpty(name))
            return null;
        return new Applicant
        {
            FullName = name,
            Phone = phone,
            Email = email,
            Address = Trim(a.Address, 500),
            RegisteredAddress = Trim(a.RegisteredAddress, 500),
            PrivilegeCategory = Trim(a.PrivilegeCategory, 100),
            SocialStatus = Trim(a.SocialStatus, 100),
            RepresentativeOf = Trim(a.RepresentativeOf, 300),
            TelegramId = Trim(a.TelegramId, 40),
        };
    }

    private static string? Trim(string? s, int max)
    {
        var t = s?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > max ? t[..max] : t;
    }

    /// <summary>An external deadline (the Unified System's «вирішити до») only ever brings the computed one forward.</summary>
    private static DateTimeOffset Earlier(DateTimeOffset computed, DateTimeOffset? external) =>
        external is { } e && e < computed ? e : computed;

    private static AppealForm DefaultForm(Channel channel) => channel switch
    {
        Channel.Phone or Channel.PersonalReception => AppealForm.Oral,
        Channel.Written => AppealForm.Written,
        _ => AppealForm.Electronic,
    };

    private async Task<Dictionary<int, int?>> BuildingDistrictsAsync(IReadOnlyList<QuestionInput> questions, CancellationToken ct)
    {
        var ids = questions.Select(q => q.Location?.AddressId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, District = b.DistrictId ?? b.Street.DistrictId })
            .ToDictionaryAsync(b => b.Id, b => b.District, ct);
    }

    private static Location ToLocation(LocationInput? input, Dictionary<int, int?> districts) => new()
    {
        Address = Trim(input?.Address, 500),
        BuildingId = input?.AddressId is { } id && districts.ContainsKey(id) ? id : null,
        DistrictId = input?.AddressId is { } bid && districts.TryGetValue(bid, out var d) ? d : null,
        Lat = input?.Lat,
        Long = input?.Long,
    };
}

/// <summary>Runs after a new appeal is committed (issue 7: automatic linking to outages). Must not throw for ordinary reasons.</summary>
public interface IAppealRegisteredHook
{
    Task AppealRegisteredAsync(Appeal appeal, Actor actor, CancellationToken ct);
}

/// <summary>Keeps the appeal's stored status and deadline equal to what its questions give (R14).</summary>
public static class AppealProjection
{
    public static void Refresh(Appeal appeal)
    {
        var questions = appeal.Questions.OrderBy(q => q.Number).ToList();
        appeal.Status = AppealAggregate.DeriveStatus(questions.Select(q => q.Status).ToList());
        appeal.DueAt = AppealAggregate.DeriveDue(questions.Select(q => (q.Status, q.DueAt)).ToList());
    }

    /// <summary>Every change to a card: derived fields refreshed, the change time set, the concurrency version raised.</summary>
    public static void Touch(Appeal appeal, DateTimeOffset now)
    {
        Refresh(appeal);
        appeal.UpdatedAt = now;
        appeal.Version++;
    }
}
