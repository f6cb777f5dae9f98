using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Deadlines;
using ContactCenter.Core.Phones;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ContactCenter.Features.Appeals;

public sealed record AppealSearch(
    AppealStatus? Status = null,
    int? ExecutorId = null,
    string? CategoryCode = null,
    Channel? Channel = null,
    bool? Overdue = null,
    string? Phone = null,
    string? Q = null,
    DateTimeOffset? ReceivedFrom = null,
    DateTimeOffset? ReceivedTo = null,
    int Page = 1,
    int PageSize = 20,
    // Console lists (issue 3): district of the place, repeated (R9), returned for rework, the order, privileged first (R11).
    int? DistrictId = null,
    bool? Repeated = null,
    bool? Rework = null,
    string? Sort = null,
    bool PrivilegedFirst = false,
    // Open appeals whose deadline falls within today (Kyiv day, CalendarService.TimeZone).
    bool? DueToday = null,
    // Console inbox tabs: any of these statuses; open appeals due before this instant and not overdue.
    IReadOnlyList<AppealStatus>? Statuses = null,
    DateTimeOffset? DueSoonBefore = null,
    // Dashboard click-through (issue 8): open now (an open status, as the dashboard counts it); ever returned for rework.
    bool? Open = null,
    bool? Reworked = null,
    // Dashboard figures (issue 8, AppealQueries.ReportFilters.cs): a question closed in [ClosedFrom, ClosedTo]; closed; every closed
    // question closed on time (false: one late); rated N; rated; and one question meeting every question-level filter at once.
    DateTimeOffset? ClosedFrom = null,
    DateTimeOffset? ClosedTo = null,
    bool? Closed = null,
    bool? ClosedOnTime = null,
    int? Rating = null,
    bool? Rated = null,
    bool? SameQuestion = null);

/// <summary>Reading appeals: one card, the search list, the timeline. Personal data reads are audited (F12.1).</summary>
public sealed partial class AppealQueries(
    AppDbContext db,
    AppealAccess access,
    ExecutorDirectory executors,
    CategoryDirectory categoryDirectory,
    CalendarService calendar,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Overdue in SQL: the same rule as <see cref="DeadlineCalculator.IsOverdue"/> on an open status
    /// (<see cref="AppealStateMachine.OpenStatuses"/>). Overdue is a flag, never a state.
    /// </summary>
    public static Expression<Func<Appeal, bool>> IsOverdue(DateTimeOffset now)
    {
        var open = AppealStateMachine.OpenStatuses.ToList();
        return a => a.DueAt != null && a.DueAt < now && open.Contains(a.Status);
    }

    /// <summary>The local day (in <paramref name="zone"/>) that holds <paramref name="now"/>: [start, end) as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var day = TimeZoneInfo.ConvertTime(now, zone).Date;
        DateTimeOffset At(DateTime local) => new(local, zone.GetUtcOffset(local));
        return (At(day), At(day.AddDays(1)));
    }

    public static bool IsOverdue(AppealStatus status, DateTimeOffset? dueAt, DateTimeOffset now) =>
        AppealStateMachine.IsOpen(status) && DeadlineCalculator.IsOverdue(dueAt, now);

    public async Task<AppealView> GetAsync(string registrationNumber, Actor actor, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking()
            .Include(a => a.Questions).ThenInclude(q => q.Assignments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct)
            ?? throw new NotFoundException(Text.Get("appeal.notFound", registrationNumber));
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var view = await ToViewAsync(appeal, actor, ct);
        if (!AppealAccess.MustMask(appeal.HideIdentity, actor))
            await audit.RecordReadAsync(actor, "appeal", appeal.RegistrationNumber, "card", ct);
        return view;
    }

    public async Task<AppealView> ToViewAsync(Appeal appeal, Actor actor, CancellationToken ct)
    {
        var lookup = await executors.LookupAsync(ct);
        var categories = await CategoryNamesAsync(ct);
        var now = time.GetUtcNow();
        var links = new[] { appeal.RepeatOfId, appeal.DuplicateOfId }.OfType<long>().ToList();
        var linked = links.Count == 0
            ? []
            : await db.Appeals.AsNoTracking().Where(a => links.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.RegistrationNumber, ct);
        var questions = appeal.Questions.OrderBy(q => q.Number).Select(q => new QuestionView(
            q.Number,
            q.CategoryCode,
            categories.GetValueOrDefault(q.CategoryCode),
            q.Description,
            ToView(q.Location),
            q.Status,
            Kyiv(q.DueAt),
            IsOverdue(q.Status, q.DueAt, now),
            q.ReviewTrackCode,
            lookup.Ref(q.ExecutorId),
            q.Assignments.Where(a => a.Active && a.Role == AssignmentRole.CoExecutor).Select(a => lookup.Ref(a.ExecutorId)!).ToList(),
            q.Assignments.Where(a => a.Active && a.Role == AssignmentRole.ForInformation).Select(a => lookup.Ref(a.ExecutorId)!).ToList(),
            q.AssigneeUserId,
            q.ResultCode is { } code ? new ResultView(code, q.ResultText, Kyiv(q.ResultAt), q.LegalBasis, q.ForwardedTo) : null,
            q.VerificationConfirmed is { } confirmed ? new VerificationView(confirmed, q.VerificationRating, q.VerificationComment, q.VerificationVia, Kyiv(q.VerifiedAt)) : null,
            q.ReworkCount,
            q.ExtendedWorkingDays,
            AppealStateMachine.AllowedTriggers(q.Status, actor.ActorRole))).ToList();
        var first = questions[0];
        return new AppealView(
            appeal.RegistrationNumber,
            appeal.Status,
            Kyiv(appeal.ReceivedAt),
            Kyiv(appeal.RegisteredAt),
            Kyiv(appeal.UpdatedAt),
            Kyiv(appeal.DueAt),
            questions.Any(q => q.Overdue),
            appeal.Channel,
            appeal.Kind,
            appeal.Form,
            ToView(appeal.Applicant, AppealAccess.MustMask(appeal.HideIdentity, actor)),
            appeal.IsCollective,
            appeal.SignatoriesCount,
            appeal.HideIdentity,
            first.CategoryCode,
            appeal.Description,
            first.Location,
            appeal.Priority,
            first.ReviewTrack,
            first.Executor,
            first.Assignee,
            new FlagsView(
                appeal.RepeatOfId is { } r ? linked.GetValueOrDefault(r) : null,
                appeal.DuplicateOfId is { } d ? linked.GetValueOrDefault(d) : null,
                appeal.Resonant,
                appeal.AdditionalControl),
            questions.Count == 1 ? first.Result : null,
            questions.Count == 1 ? first.Verification : null,
            appeal.ExternalId,
            appeal.Version,
            questions);
    }

    /// <summary>Totals above this are reported as this figure with <c>TotalExact = false</c>: counting every match of a
    /// common word over a million cards costs more than the page itself.</summary>
    public const int MaxCountedTotal = 1000;

    public async Task<PagedResult<AppealListItem>> SearchAsync(AppealSearch search, Actor actor, CancellationToken ct)
    {
        var (query, page, pageSize) = await FilterAsync(search, actor, ct);
        var counted = await CountCappedAsync(query, ct);
        var skip = (page - 1) * pageSize;
        List<ListRow> rows;
        if (search.PrivilegedFirst)
        {
            // R11 privileged applicants first: two ordered slices (each can walk an index) instead of sorting every match
            // by an expression.
            var privileged = query.Where(a => a.Applicant.PrivilegeCategory != null && a.Applicant.PrivilegeCategory != "");
            var others = query.Where(a => a.Applicant.PrivilegeCategory == null || a.Applicant.PrivilegeCategory == "");
            var privilegedCount = await privileged.Take(skip + pageSize + 1).CountAsync(ct);
            rows = skip < privilegedCount
                ? await Project(Order(privileged, search.Sort).Skip(skip).Take(pageSize)).ToListAsync(ct)
                : [];
            if (rows.Count < pageSize)
                rows.AddRange(await Project(Order(others, search.Sort).Skip(Math.Max(0, skip - privilegedCount)).Take(pageSize - rows.Count)).ToListAsync(ct));
        }
        else
        {
            rows = await Project(Order(query, search.Sort).Skip(skip).Take(pageSize)).ToListAsync(ct);
        }
        var items = await ToItemsAsync(rows, actor, ct);
        return new PagedResult<AppealListItem>(items, Math.Min(counted, MaxCountedTotal), page, pageSize)
        {
            TotalExact = counted <= MaxCountedTotal,
        };
    }

    /// <summary>
    /// The list items of these appeals in this order, masked and audited as <see cref="SearchAsync"/> does. The caller
    /// has chosen the ids within the actor's scope (<see cref="ScopedAppealIds"/>); unknown ids are left out.
    /// </summary>
    internal async Task<IReadOnlyList<AppealListItem>> ListAsync(IReadOnlyList<long> ids, Actor actor, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var wanted = ids.ToList();
        var found = (await Project(db.Appeals.AsNoTracking().Where(a => wanted.Contains(a.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        return await ToItemsAsync(wanted.Where(found.ContainsKey).Select(id => found[id]).ToList(), actor, ct);
    }

    private async Task<List<AppealListItem>> ToItemsAsync(List<ListRow> rows, Actor actor, CancellationToken ct)
    {
        var lookup = await executors.LookupAsync(ct);
        var now = time.GetUtcNow();
        var items = rows.Select(r => ToItem(r, lookup, now, AppealAccess.MustMask(r.HideIdentity, actor), shorten: true)).ToList();
        if (items.Count > 0)
        {
            var shown = string.Join(',', items.Take(50).Select(i => i.RegistrationNumber));
            await audit.RecordReadAsync(actor, "appealList", null, $"count={items.Count}; {shown}", ct);
        }
        return items;
    }

    /// <summary>
    /// The executor scope of <see cref="AppealAccess"/> as a set of appeal ids (an appeal may come more than once): the
    /// appeals of questions whose executor is in scope, and of questions with an active co-executor / for-information
    /// assignment in scope, both read from indexes alone. Joined to a small candidate set (the open appeals), PostgreSQL
    /// hashes the candidates and streams this set through, so the cost follows the executor's share of the work instead of
    /// one probe per candidate. (As <c>IN (…) OR IN (…)</c> it becomes a hashed subplan that, for a department over most
    /// of the questions, no longer fits in memory and is rescanned per candidate: minutes.)
    /// Active main assignments are not read: a main assignment is active only for the question's own executor
    /// (<c>RegisterAppeal</c> and <c>AppealWorkflow.MoveTo</c> set both together and deactivate the previous one), so
    /// the first set already holds them. <c>InboxScopeTests</c> checks this and the result against the searches.
    /// </summary>
    internal IQueryable<long> ScopedAppealIds(IReadOnlyCollection<int> scope)
    {
        var ids = scope.ToList();
        var byQuestion = db.Questions.Where(q => q.ExecutorId != null && ids.Contains(q.ExecutorId.Value)).Select(q => q.AppealId);
        var byAssignment = db.Assignments.Where(x => x.Active && x.Role != AssignmentRole.Main && ids.Contains(x.ExecutorId))
            .Join(db.Questions, x => x.QuestionId, q => q.Id, (x, q) => q.AppealId);
        return byQuestion.Concat(byAssignment);
    }

    /// <summary>How many appeals match, counted up to <see cref="MaxCountedTotal"/> (beyond: that figure, not exact).</summary>
    public async Task<(int Count, bool Exact)> CountAsync(AppealSearch search, Actor actor, CancellationToken ct)
    {
        var (query, _, _) = await FilterAsync(search, actor, ct);
        var counted = await CountCappedAsync(query, ct);
        return (Math.Min(counted, MaxCountedTotal), counted <= MaxCountedTotal);
    }

    private static Task<int> CountCappedAsync(IQueryable<Appeal> query, CancellationToken ct) =>
        query.Take(MaxCountedTotal + 1).CountAsync(ct);

    /// <summary>The list orders: <c>received</c>, <c>due</c>, <c>number</c>, <c>status</c>; a leading '-' reverses. Default: newest first.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["-received", "received", "due", "-due", "number", "-number", "status", "-status"];

    private static IOrderedQueryable<Appeal> Order(IQueryable<Appeal> query, string? sort) => (sort ?? "-received") switch
    {
        "received" => query.OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id),
        // Open appeals always have a deadline; a plain order lets (status, due_at) serve it.
        "due" => query.OrderBy(a => a.DueAt).ThenBy(a => a.Id),
        "-due" => query.OrderByDescending(a => a.DueAt).ThenByDescending(a => a.Id),
        "number" => query.OrderBy(a => a.Id),
        "-number" => query.OrderByDescending(a => a.Id),
        "status" => query.OrderBy(a => a.Status).ThenByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id),
        "-status" => query.OrderByDescending(a => a.Status).ThenByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id),
        _ => query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id),
    };

    /// <summary>Every matching appeal, for export; the caller streams it.</summary>
    public async IAsyncEnumerable<AppealListItem> ExportAsync(AppealSearch search, Actor actor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, string format = "csv")
    {
        var (query, _, _) = await FilterAsync(search with { Page = 1, PageSize = MaxPageSize }, actor, ct);
        var lookup = await executors.LookupAsync(ct);
        var now = time.GetUtcNow();
        await audit.RecordReadAsync(actor, "appealExport", null, format, ct);
        await foreach (var r in Project(query.OrderBy(a => a.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Exports never show a hidden identity (R12), whoever exports.
            yield return ToItem(r, lookup, now, mask: r.HideIdentity, shorten: false);
        }
    }

    /// <summary>The columns a list shows, the first question's by correlated subqueries (one row per appeal, no window
    /// over the whole questions table).</summary>
    private static IQueryable<ListRow> Project(IQueryable<Appeal> query) => query.Select(a => new ListRow(
        a.Id, a.RegistrationNumber, a.Status, a.ReceivedAt, a.DueAt, a.Channel, a.Kind, a.Priority, a.Description, a.HideIdentity,
        a.Applicant.FullName, a.Applicant.Phone, a.Applicant.Email, a.Applicant.Address, a.Applicant.PrivilegeCategory,
        a.Questions.OrderBy(q => q.Number).Select(q => q.CategoryCode).FirstOrDefault() ?? "",
        a.Questions.OrderBy(q => q.Number).Select(q => q.ExecutorId).FirstOrDefault(),
        a.Questions.Count()));

    private sealed record ListRow(
        long Id, string RegistrationNumber, AppealStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, Channel Channel, AppealKind Kind,
        Priority Priority, string Description, bool HideIdentity, string FullName, string? Phone, string? Email, string? Address,
        string? PrivilegeCategory, string CategoryCode, int? ExecutorId, int QuestionCount);

    private AppealListItem ToItem(ListRow r, ExecutorRefLookup lookup, DateTimeOffset now, bool mask, bool shorten) => new(
        r.RegistrationNumber,
        r.Status,
        Kyiv(r.ReceivedAt),
        Kyiv(r.DueAt),
        IsOverdue(r.Status, r.DueAt, now),
        r.Channel,
        r.Kind,
        r.Priority,
        r.CategoryCode,
        shorten && r.Description.Length > 300 ? r.Description[..300] + "…" : r.Description,
        mask
            ? ToView(new Applicant { FullName = "" }, true)
            : new ApplicantView(r.FullName, r.Phone, r.Email, r.Address, null, r.PrivilegeCategory, null, null, false),
        lookup.Ref(r.ExecutorId),
        r.QuestionCount);

    public async Task<IReadOnlyList<HistoryItem>> HistoryAsync(string registrationNumber, Actor actor, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct)
            ?? throw new NotFoundException(Text.Get("appeal.notFound", registrationNumber));
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var entries = await db.AppealHistory.AsNoTracking().Where(h => h.AppealId == appeal.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        return entries.Select(h => new HistoryItem(Kyiv(h.At), h.ActorName, h.Action, h.FromStatus, h.ToStatus, h.Comment, h.QuestionNumber)).ToList();
    }

    private async Task<(IQueryable<Appeal> Query, int Page, int PageSize)> FilterAsync(AppealSearch s, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (s.Page < 1)
            errors.Add("page", "page ≥ 1");
        if (s.PageSize is < 1 or > MaxPageSize)
            errors.Add("pageSize", $"1 … {MaxPageSize}");
        if (s.Sort is { Length: > 0 } sort && !Sorts.Contains(sort))
            errors.Add("sort", string.Join(", ", Sorts));
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(s.Phone))
        {
            phone = PhoneNormalizer.TryNormalize(s.Phone);
            if (phone is null)
                errors.Add("phone", Text.Get("applicant.phone.invalid"));
        }
        errors.ThrowIfAny();
        if (actor.Role == "none")
            throw new ForbiddenException(Text.Get("error.forbidden"));

        IQueryable<Appeal> query = db.Appeals.AsNoTracking();
        var open = AppealStateMachine.OpenStatuses.ToList();
        var scope = await access.ScopeAsync(actor, ct);
        if (scope is not null)
        {
            var ids = scope.ToList();
            query = query.Where(a => a.Questions.Any(q => (q.ExecutorId != null && ids.Contains(q.ExecutorId.Value))
                || q.Assignments.Any(x => x.Active && ids.Contains(x.ExecutorId))));
        }
        if (s.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (s.Statuses is { Count: > 0 } statuses)
        {
            var list = statuses.ToList();
            query = query.Where(a => list.Contains(a.Status));
        }
        if (s.ExecutorId is { } executorId)
            query = query.Where(a => a.Questions.Any(q => q.ExecutorId == executorId));
        if (!string.IsNullOrWhiteSpace(s.CategoryCode))
        {
            var code = s.CategoryCode.Trim();
            query = query.Where(a => a.Questions.Any(q => q.CategoryCode == code));
        }
        if (s.Channel is { } channel)
            query = query.Where(a => a.Channel == channel);
        if (s.DistrictId is { } district)
            query = query.Where(a => a.Questions.Any(q => q.Location.DistrictId == district));
        if (s.Repeated is { } repeated)
            query = repeated ? query.Where(a => a.RepeatOfId != null) : query.Where(a => a.RepeatOfId == null);
        if (s.Rework is { } rework)
        {
            // Returned for rework and still open.
            query = rework
                ? query.Where(a => a.Questions.Any(q => q.ReworkCount > 0 && open.Contains(q.Status)))
                : query.Where(a => !a.Questions.Any(q => q.ReworkCount > 0 && open.Contains(q.Status)));
        }
        if (s.Reworked is { } reworked)
        {
            // Returned for rework at least once, whatever the status now (the dashboard's "rework" figure).
            query = reworked
                ? query.Where(a => a.Questions.Any(q => q.ReworkCount > 0))
                : query.Where(a => !a.Questions.Any(q => q.ReworkCount > 0));
        }
        if (s.Open is { } isOpen)
        {
            // Open now: an open status (AppealStateMachine.OpenStatuses), as the dashboard's "open now".
            query = isOpen ? query.Where(a => open.Contains(a.Status)) : query.Where(a => !open.Contains(a.Status));
        }
        if (s.Overdue is { } overdue)
        {
            var now = time.GetUtcNow();
            query = overdue ? query.Where(IsOverdue(now)) : query.Where(Not(IsOverdue(now)));
        }
        if (s.DueToday is true)
        {
            var (start, end) = LocalDay(time.GetUtcNow(), calendar.TimeZone);
            query = query.Where(a => a.DueAt != null && a.DueAt >= start && a.DueAt < end && open.Contains(a.Status));
        }
        if (s.DueSoonBefore is { } soon)
        {
            // Due soon: open, not yet overdue, the deadline before the given instant.
            var now = time.GetUtcNow();
            query = query.Where(a => a.DueAt != null && a.DueAt >= now && a.DueAt <= soon && open.Contains(a.Status));
        }
        if (phone is not null)
        {
            query = query.Where(a => a.Applicant.Phone == phone);
            // R12: finding a hidden applicant by phone would reveal who they are to the executor.
            if (scope is not null)
                query = query.Where(a => !a.HideIdentity);
        }
        if (s.ReceivedFrom is { } from)
            query = query.Where(a => a.ReceivedAt >= from);
        if (s.ReceivedTo is { } to)
            query = query.Where(a => a.ReceivedAt <= to);
        if (!string.IsNullOrWhiteSpace(s.Q))
            query = FullText(query, s.Q);
        query = ReportFilters(query, s);
        return (query, s.Page, s.PageSize);
    }

    private IQueryable<Appeal> FullText(IQueryable<Appeal> query, string q)
    {
        var words = Words().Matches(q.ToLowerInvariant()).Select(m => m.Value).Take(8).ToList();
        if (words.Count == 0)
            return query;
        if (db.IsPostgres)
        {
            // Prefix match on every word: "водопост" finds "водопостачання".
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return query.Where(a => EF.Property<NpgsqlTsVector>(a, PostgresAppDbContext.SearchVector)
                .Matches(EF.Functions.ToTsQuery("simple", tsQuery)));
        }
        foreach (var word in words)
            query = query.Where(a => a.SearchText.Contains(word));
        return query;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    private static Expression<Func<Appeal, bool>> Not(Expression<Func<Appeal, bool>> e) =>
        Expression.Lambda<Func<Appeal, bool>>(Expression.Not(e.Body), e.Parameters);

    private async Task<IReadOnlyDictionary<string, string>> CategoryNamesAsync(CancellationToken ct) =>
        (await categoryDirectory.AllAsync(ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Name);

    private DateTimeOffset Kyiv(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, calendar.TimeZone);

    private DateTimeOffset? Kyiv(DateTimeOffset? value) => value is { } v ? Kyiv(v) : null;

    public static ApplicantView ToView(Applicant a, bool mask) => mask
        ? new ApplicantView(Text.Get("applicant.hidden"), null, null, null, null, null, null, null, true)
        : new ApplicantView(a.FullName, a.Phone, a.Email, a.Address, a.RegisteredAddress, a.PrivilegeCategory, a.SocialStatus, a.RepresentativeOf, false);

    private static LocationView ToView(Location l) => new(l.Address, l.BuildingId, l.DistrictId, l.Lat, l.Long);
}
