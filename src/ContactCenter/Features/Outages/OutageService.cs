using ContactCenter.Core.Appeals;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Outages;

/// <summary>
/// Repair works and outages (F8.1, F8.4): registration by an executor (for its own organisation) or contact-centre staff,
/// changes, update notes, linking appeals, and closing by the executor — which moves the linked questions on to the
/// result step through <see cref="AppealWorkflow"/>.
/// </summary>
public sealed class OutageService(
    AppDbContext db,
    OutageCoverage coverage,
    AddressRegister register,
    StreetCatalog streets,
    ExecutorDirectory executors,
    AppealAccess appealAccess,
    CalendarService calendar,
    AuditLog audit,
    IServiceScopeFactory scopes,
    IOutageNotifications notifications,
    TimeProvider time,
    ILogger<OutageService> logger)
{
    public const int MaxAreas = 200;
    public const int MaxText = 2000;

    // ---------- reading ----------

    public async Task<OutageList> ListAsync(OutageStatus? status, OutageType? type, int? executorId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = db.Outages.AsNoTracking().AsQueryable();
        query = status switch
        {
            OutageStatus.Closed => query.Where(o => o.IsClosed),
            OutageStatus.Active => query.Where(o => !o.IsClosed && o.StartsAt <= now),
            OutageStatus.Planned => query.Where(o => !o.IsClosed && o.StartsAt > now),
            _ => query.Where(o => !o.IsClosed),
        };
        if (type is { } t)
            query = query.Where(o => o.Type == t);
        if (executorId is { } e)
            query = query.Where(o => o.ExecutorId == e);
        var total = await query.CountAsync(ct);
        var ids = await query.OrderByDescending(o => o.StartsAt).ThenByDescending(o => o.Id).Select(o => o.Id).Take(500).ToListAsync(ct);
        return new OutageList(await ViewsAsync(ids, ct), total);
    }

    public async Task<OutageView> GetAsync(long id, CancellationToken ct) =>
        (await ViewsAsync([id], ct)).FirstOrDefault() ?? throw new NotFoundException(Text.Get("outage.notFound", id));

    /// <summary>Open outages at an address: a building id, or free text resolved through the register.</summary>
    public async Task<OutagesAtView> AtAsync(string? address, int? addressId, CancellationToken ct)
    {
        ResolvedAddress? place;
        if (addressId is { } bid)
            place = await register.BuildingAsync(bid, ct) ?? throw new NotFoundException(Text.Get("address.notFound", bid));
        else if (!string.IsNullOrWhiteSpace(address))
            place = await register.ResolveAsync(address, ct);
        else
            throw AppValidationException.For("address", Text.Get("field.required"));
        if (place is null)
            return new OutagesAtView(null, null, null, []);
        var found = place.BuildingId is { } building
            ? await coverage.AtBuildingAsync(building, ct)
            : await coverage.AtStreetAsync(place.StreetId, place.DistrictId, ct);
        var ids = found.OrderBy(o => o.StartsAt).Select(o => o.Id).ToList();
        return new OutagesAtView(place.Address, place.BuildingId, place.StreetId, await ViewsAsync(ids, ct));
    }

    public async Task<IReadOnlyList<LinkedAppealView>> LinkedAppealsAsync(long id, Actor actor, CancellationToken ct)
    {
        var outage = await db.Outages.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("outage.notFound", id));
        if (actor.Role is "none" or Roles.Integration)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (actor.IsExecutorSide)
            await EnsureOwnAsync(outage, actor, ct);
        var rows = await (from l in db.OutageAppeals
                          where l.OutageId == id
                          join a in db.Appeals on l.AppealId equals a.Id
                          join q in db.Questions on new { l.AppealId, Number = l.QuestionNumber } equals new { q.AppealId, q.Number }
                          orderby l.LinkedAt, l.Id
                          select new { a.RegistrationNumber, l.QuestionNumber, q.CategoryCode, q.Status, l.LinkedAt, l.Automatic })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new LinkedAppealView(r.RegistrationNumber, r.QuestionNumber, r.CategoryCode, r.Status, Kyiv(r.LinkedAt), r.Automatic)).ToList();
    }

    // ---------- changing ----------

    public async Task<OutageView> CreateAsync(OutageInput input, Actor actor, CancellationToken ct)
    {
        EnsureMayRegister(actor);
        var executorId = input.ExecutorId ?? (actor.IsExecutorSide ? actor.ExecutorId : null);
        var (areas, errors) = await ValidateAsync(input, executorId, ct);
        errors.ThrowIfAny();
        if (actor.IsExecutorSide)
            await EnsureInScopeAsync(executorId!.Value, actor, ct);
        var now = time.GetUtcNow();
        var outage = new Outage
        {
            Type = input.Type!.Value,
            Kind = input.Kind!.Value,
            Information = input.Information!.Trim(),
            Causes = Clean(input.Causes),
            Consequences = Clean(input.Consequences),
            StartsAt = input.StartsAt ?? now,
            ExpectedEndAt = input.ExpectedEndAt,
            ExecutorId = executorId!.Value,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
            Areas = areas,
        };
        db.Outages.Add(outage);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, "create", "outage", Id(outage), $"type={outage.Type}; kind={outage.Kind}; areas={areas.Count}");
        await db.SaveChangesAsync(ct);
        await coverage.ReplaceAsync(outage, ct);
        return await GetAsync(outage.Id, ct);
    }

    public async Task<OutageView> UpdateAsync(long id, OutageInput input, Actor actor, CancellationToken ct)
    {
        EnsureMayRegister(actor);
        var outage = await LoadOpenAsync(id, actor, ct);
        var executorId = input.ExecutorId ?? outage.ExecutorId;
        var (areas, errors) = await ValidateAsync(input, executorId, ct);
        errors.ThrowIfAny();
        if (actor.IsExecutorSide)
            await EnsureInScopeAsync(executorId, actor, ct);
        outage.Type = input.Type!.Value;
        outage.Kind = input.Kind!.Value;
        outage.Information = input.Information!.Trim();
        outage.Causes = Clean(input.Causes);
        outage.Consequences = Clean(input.Consequences);
        outage.StartsAt = input.StartsAt ?? outage.StartsAt;
        outage.ExpectedEndAt = input.ExpectedEndAt;
        outage.ExecutorId = executorId;
        db.OutageAreas.RemoveRange(outage.Areas);
        outage.Areas = areas;
        Touch(outage);
        audit.Add(actor, "update", "outage", Id(outage), $"areas={areas.Count}");
        await db.SaveChangesAsync(ct);
        await coverage.ReplaceAsync(outage, ct);
        return await GetAsync(outage.Id, ct);
    }

    public async Task<OutageView> AddUpdateAsync(long id, OutageNoteInput input, Actor actor, CancellationToken ct)
    {
        EnsureMayRegister(actor);
        var errors = new ValidationErrors();
        RequireText(errors, "text", input.Text, 4000);
        errors.ThrowIfAny();
        var outage = await LoadOpenAsync(id, actor, ct);
        outage.Updates.Add(new OutageUpdate { At = time.GetUtcNow(), Text = input.Text!.Trim(), AuthorName = actor.Name });
        Touch(outage);
        audit.Add(actor, "update", "outage", Id(outage), "note");
        await db.SaveChangesAsync(ct);
        return await GetAsync(outage.Id, ct);
    }

    /// <summary>
    /// Closes the outage (the executor, or the head of the contact centre) and moves every linked open question on to
    /// the result step with the closing text (F8.4). Closing an already closed outage again only retries questions that
    /// are still open, so a failure half-way is repaired by repeating the call.
    /// </summary>
    public async Task<OutageCloseView> CloseAsync(long id, OutageCloseInput input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsExecutorSide && !actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("outage.closeForbidden"));
        var errors = new ValidationErrors();
        RequireText(errors, "text", input.Text, 4000);
        errors.ThrowIfAny();
        var outage = await db.Outages.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException(Text.Get("outage.notFound", id));
        if (actor.IsExecutorSide)
            await EnsureOwnAsync(outage, actor, ct);
        if (!outage.IsClosed)
        {
            var now = time.GetUtcNow();
            outage.IsClosed = true;
            outage.ClosedAt = now;
            outage.ClosingText = input.Text!.Trim();
            outage.ClosedByName = actor.Name;
            Touch(outage);
            audit.Add(actor, "close", "outage", Id(outage), null);
            await db.SaveChangesAsync(ct);
            await coverage.ReplaceAsync(outage, ct);
        }
        var outcomes = await MoveLinkedAppealsAsync(outage, actor, ct);
        var moved = outcomes.Where(o => o.Moved).Select(o => o.RegistrationNumber).Distinct().ToList();
        if (moved.Count > 0)
            await notifications.OutageClosedAsync(new OutageClosedNotice(outage.Id, outage.Type, outage.ClosingText ?? "", moved), ct);
        return new OutageCloseView(await GetAsync(outage.Id, ct), outcomes);
    }

    private async Task<List<ClosedAppealOutcome>> MoveLinkedAppealsAsync(Outage outage, Actor closer, CancellationToken ct)
    {
        var links = await (from l in db.OutageAppeals
                           where l.OutageId == outage.Id
                           join a in db.Appeals on l.AppealId equals a.Id
                           orderby l.Id
                           select new { a.RegistrationNumber, l.QuestionNumber }).AsNoTracking().ToListAsync(ct);
        var outcomes = new List<ClosedAppealOutcome>();
        foreach (var link in links)
        {
            // A fresh scope per appeal: one appeal's conflict or refusal must not stop the others.
            using var scope = scopes.CreateScope();
            var workflow = scope.ServiceProvider.GetRequiredService<AppealWorkflow>();
            try
            {
                var (status, moved) = await MoveOneAsync(workflow, link.RegistrationNumber, link.QuestionNumber, outage, closer, ct);
                outcomes.Add(new ClosedAppealOutcome(link.RegistrationNumber, link.QuestionNumber, status, moved, null));
            }
            catch (Exception e) when (e is InvalidTransitionException or ForbiddenException or NotFoundException or ConflictException
                                          or AppValidationException or RuleViolationException or DbUpdateConcurrencyException)
            {
                logger.LogWarning(e, "Outage {Outage}: appeal {Number} question {Question} was not moved on", outage.Id, link.RegistrationNumber, link.QuestionNumber);
                outcomes.Add(new ClosedAppealOutcome(link.RegistrationNumber, link.QuestionNumber, null, false, e.Message));
            }
        }
        return outcomes;
    }

    private static async Task<(AppealStatus Status, bool Moved)> MoveOneAsync(AppealWorkflow workflow, string number, int questionNumber, Outage outage, Actor closer, CancellationToken ct)
    {
        var appeal = await workflow.LoadAsync(number, ct);
        var question = appeal.Questions.First(q => q.Number == questionNumber);
        var qn = appeal.Questions.Count > 1 ? questionNumber : (int?)null;
        if (question.Status is not (AppealStatus.Registered or AppealStatus.Assigned or AppealStatus.InProgress or AppealStatus.Deferred))
            return (question.Status, false); // already reported, closed, forwarded or rejected: nothing to move
        if (question.Status == AppealStatus.Registered)
        {
            // Nobody routed it yet: the outage's executor takes it, as routing by the system would.
            appeal = await workflow.AssignAsync(number, qn, new AssignRequest(outage.ExecutorId, null, null, null, OutageNote(outage)), Actor.System, ct);
            question = appeal.Questions.First(q => q.Number == questionNumber);
        }
        // The executor's own steps are taken in the name of the question's executor, marked as done by the outage's closing.
        var executorActor = new Actor(closer.UserId, $"{closer.Name} · {OutageNote(outage)}", Roles.Executor, question.ExecutorId);
        if (question.Status == AppealStatus.Assigned)
        {
            appeal = await workflow.AcceptAsync(number, qn, executorActor, ct);
            question = appeal.Questions.First(q => q.Number == questionNumber);
        }
        if (question.Status is AppealStatus.InProgress or AppealStatus.Deferred)
        {
            appeal = await workflow.ReportResultAsync(number, qn, new ResultRequest(outage.ClosingText, ResultCode.Resolved), executorActor, ct);
            question = appeal.Questions.First(q => q.Number == questionNumber);
        }
        return (question.Status, question.Status == AppealStatus.ResultReported);
    }

    private static string OutageNote(Outage outage) => Text.Get("outage.reference", outage.Id);

    /// <summary>Links a question of an appeal to an open outage (a mass incident); linking twice changes nothing.</summary>
    public async Task<LinkedAppealView> LinkAsync(long id, OutageLinkInput input, Actor actor, bool automatic, CancellationToken ct)
    {
        if (!automatic && !(actor.Role is Roles.Operator or Roles.Supervisor or Roles.Administrator || actor.IsExecutorSide))
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (string.IsNullOrWhiteSpace(input.RegistrationNumber))
            throw AppValidationException.For("registrationNumber", Text.Get("field.required"));
        var outage = await db.Outages.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException(Text.Get("outage.notFound", id));
        if (outage.IsClosed)
            throw new ConflictException(Text.Get("outage.closed", id));
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments)
            .FirstOrDefaultAsync(a => a.RegistrationNumber == input.RegistrationNumber.Trim(), ct)
            ?? throw new NotFoundException(Text.Get("appeal.notFound", input.RegistrationNumber));
        if (!automatic)
        {
            await appealAccess.EnsureCanReadAsync(appeal, actor, ct);
            if (actor.IsExecutorSide)
                await EnsureOwnAsync(outage, actor, ct);
        }
        var question = AppealWorkflow.PickQuestion(appeal, input.QuestionNumber);
        var existing = await db.OutageAppeals.AsNoTracking()
            .FirstOrDefaultAsync(l => l.OutageId == id && l.AppealId == appeal.Id && l.QuestionNumber == question.Number, ct);
        if (existing is not null)
            return new LinkedAppealView(appeal.RegistrationNumber, question.Number, question.CategoryCode, question.Status, Kyiv(existing.LinkedAt), existing.Automatic);
        var now = time.GetUtcNow();
        var link = new OutageAppeal { OutageId = id, AppealId = appeal.Id, QuestionNumber = question.Number, LinkedAt = now, LinkedByName = actor.Name, Automatic = automatic };
        db.OutageAppeals.Add(link);
        // A line in the appeal's timeline (no status change): the applicant sees the question is part of a known outage.
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            QuestionNumber = appeal.Questions.Count > 1 ? question.Number : null,
            At = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = "linkedToOutage",
            Comment = $"{OutageNote(outage)}: {outage.Information}",
            Public = true,
        });
        audit.Add(actor, "link", "outage", Id(outage), $"appeal={appeal.RegistrationNumber}; question={question.Number}; automatic={automatic}");
        await db.SaveChangesAsync(ct);
        return new LinkedAppealView(appeal.RegistrationNumber, question.Number, question.CategoryCode, question.Status, Kyiv(now), automatic);
    }

    /// <summary>Recomputes the coverage of every open outage (after the address register changed).</summary>
    public async Task RecomputeOpenAsync(CancellationToken ct)
    {
        var open = await db.Outages.AsNoTracking().Include(o => o.Areas).Where(o => !o.IsClosed).ToListAsync(ct);
        foreach (var outage in open)
            await coverage.ReplaceAsync(outage, ct);
    }

    // ---------- helpers ----------

    private async Task<(List<OutageArea> Areas, ValidationErrors Errors)> ValidateAsync(OutageInput input, int? executorId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Type is null)
            errors.Add("type", Text.Get("field.required"));
        if (input.Kind is null)
            errors.Add("kind", Text.Get("field.required"));
        RequireText(errors, "information", input.Information, MaxText);
        if (input.Causes is { Length: > MaxText })
            errors.Add("causes", Text.Get("field.tooLong", MaxText));
        if (input.Consequences is { Length: > MaxText })
            errors.Add("consequences", Text.Get("field.tooLong", MaxText));
        var startsAt = input.StartsAt ?? time.GetUtcNow();
        if (input.ExpectedEndAt is { } end && end <= startsAt)
            errors.Add("expectedEndAt", Text.Get("outage.endBeforeStart"));
        var lookup = await executors.LookupAsync(ct);
        if (executorId is null)
            errors.Add("executorId", Text.Get("field.required"));
        else if (!lookup.Exists(executorId.Value))
            errors.Add("executorId", Text.Get("executor.unknown", executorId));

        var areas = await ResolveAreasAsync(input.Areas, errors, ct);
        return (areas, errors);
    }

    /// <summary>Checks and resolves affected areas (street names through the register); broadcasts use it for their areas too.</summary>
    public async Task<List<OutageArea>> ResolveAreasAsync(IReadOnlyList<OutageAreaInput>? inputs, ValidationErrors errors, CancellationToken ct)
    {
        var areas = new List<OutageArea>();
        if (inputs is not { Count: > 0 })
            errors.Add("areas", Text.Get("outage.areasRequired"));
        else if (inputs.Count > MaxAreas)
            errors.Add("areas", Text.Get("outage.tooManyAreas", MaxAreas));
        else
        {
            var all = await streets.AllAsync(ct);
            var streetIds = all.Select(s => s.Id).ToHashSet();
            var districtIds = await db.Districts.AsNoTracking().Select(d => d.Id).ToListAsync(ct);
            for (var i = 0; i < inputs.Count; i++)
            {
                var a = inputs[i];
                var p = $"areas[{i}].";
                if (a.Kind is null)
                {
                    errors.Add(p + "kind", Text.Get("field.required"));
                    continue;
                }
                var area = new OutageArea { Kind = a.Kind.Value, Side = a.Side ?? StreetSide.All };
                if (a.Kind == OutageAreaKind.District)
                {
                    if (a.DistrictId is not { } d || !districtIds.Contains(d))
                        errors.Add(p + "districtId", a.DistrictId is null ? Text.Get("field.required") : Text.Get("district.unknown", a.DistrictId));
                    area.DistrictId = a.DistrictId;
                    areas.Add(area);
                    continue;
                }
                int? streetId = a.StreetId;
                if (streetId is { } sid && !streetIds.Contains(sid))
                {
                    errors.Add(p + "streetId", Text.Get("street.unknown", sid));
                    streetId = null;
                }
                else if (streetId is null && !string.IsNullOrWhiteSpace(a.Street))
                {
                    var matches = await streets.MatchAsync(AddressRegister.Normalize(a.Street), ct);
                    var best = matches.Where(m => m.Score == matches.FirstOrDefault()?.Score).ToList();
                    if (best.Count == 1)
                        streetId = best[0].Id;
                    else
                        errors.Add(p + "street", best.Count == 0 ? Text.Get("street.notFound", a.Street) : Text.Get("street.ambiguous", a.Street));
                }
                else if (streetId is null)
                    errors.Add(p + "streetId", Text.Get("field.required"));
                area.StreetId = streetId;
                if (a.Kind == OutageAreaKind.Buildings)
                {
                    var numbers = (a.Buildings ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
                    if (numbers.Count == 0)
                        errors.Add(p + "buildings", Text.Get("field.required"));
                    else if (numbers.Any(n => n.Length > 20 || n.Contains(',', StringComparison.Ordinal)))
                        errors.Add(p + "buildings", Text.Get("import.building", numbers.First(n => n.Length > 20 || n.Contains(',', StringComparison.Ordinal))));
                    area.Numbers = string.Join(",", numbers);
                    if (area.Numbers.Length > MaxText)
                        errors.Add(p + "buildings", Text.Get("field.tooLong", MaxText));
                }
                else if (a.Kind == OutageAreaKind.Range)
                {
                    if (a.From is null)
                        errors.Add(p + "from", Text.Get("field.required"));
                    if (a.To is null)
                        errors.Add(p + "to", Text.Get("field.required"));
                    if (a.From is < 1)
                        errors.Add(p + "from", Text.Get("outage.rangeInvalid"));
                    else if (a.From is { } f && a.To is { } t && t < f)
                        errors.Add(p + "to", Text.Get("outage.rangeInvalid"));
                    area.FromNumber = a.From;
                    area.ToNumber = a.To;
                }
                areas.Add(area);
            }
        }
        return areas;
    }

    private async Task<List<OutageView>> ViewsAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var outages = await db.Outages.AsNoTracking().Include(o => o.Areas).Include(o => o.Updates)
            .Where(o => ids.Contains(o.Id)).AsSplitQuery().ToListAsync(ct);
        var counts = await db.OutageBuildings.AsNoTracking().Where(x => ids.Contains(x.OutageId))
            .GroupBy(x => x.OutageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var streetIds = outages.SelectMany(o => o.Areas).Select(a => a.StreetId).OfType<int>().ToHashSet();
        var streetNames = (await streets.AllAsync(ct)).Where(s => streetIds.Contains(s.Id)).ToDictionary(s => s.Id, s => $"{s.Type} {s.Name}");
        var districtIds = outages.SelectMany(o => o.Areas).Select(a => a.DistrictId).OfType<int>().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var lookup = await executors.LookupAsync(ct);
        var now = time.GetUtcNow();
        var byId = outages.ToDictionary(o => o.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var o = byId[id];
            return new OutageView(o.Id, o.Type, o.Kind, o.StatusAt(now), o.Information, o.Causes, o.Consequences, Kyiv(o.StartsAt),
                Kyiv(o.ExpectedEndAt), Kyiv(o.ClosedAt), o.ClosingText, lookup.Ref(o.ExecutorId)!,
                o.Areas.OrderBy(a => a.Id).Select(a => AreaView(a, streetNames, districts)).ToList(),
                o.Updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new OutageUpdateView(Kyiv(u.At), u.Text)).ToList(),
                counts.GetValueOrDefault(o.Id), Kyiv(o.UpdatedAt));
        }).ToList();
    }

    /// <summary>The areas in words ("вулиця Соборна, 1–15 (непарна сторона)"), as outage cards show them.</summary>
    public async Task<List<string>> DescribeAreasAsync(IReadOnlyList<OutageArea> areas, CancellationToken ct)
    {
        var streetIds = areas.Select(a => a.StreetId).OfType<int>().ToHashSet();
        var streetNames = (await streets.AllAsync(ct)).Where(s => streetIds.Contains(s.Id)).ToDictionary(s => s.Id, s => $"{s.Type} {s.Name}");
        var districtIds = areas.Select(a => a.DistrictId).OfType<int>().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return areas.Select(a => AreaView(a, streetNames, districts).Description).ToList();
    }

    private static OutageAreaView AreaView(OutageArea a, Dictionary<int, string> streetNames, Dictionary<int, string> districts)
    {
        var street = a.StreetId is { } s ? streetNames.GetValueOrDefault(s) : null;
        var district = a.DistrictId is { } d ? districts.GetValueOrDefault(d) : null;
        var numbers = a.Kind == OutageAreaKind.Buildings ? OutageCoverage.SplitNumbers(a.Numbers).ToList() : null;
        var side = a.Side switch { StreetSide.Odd => Text.Get("outage.sideOdd"), StreetSide.Even => Text.Get("outage.sideEven"), _ => null };
        var description = a.Kind switch
        {
            OutageAreaKind.District => Text.Get("outage.areaDistrict", district),
            OutageAreaKind.Buildings => $"{street}, {string.Join(", ", numbers!)}",
            OutageAreaKind.Range => $"{street}, {a.FromNumber}–{a.ToNumber}" + (side is null ? "" : $" ({side})"),
            _ => street + (side is null ? "" : $" ({side})"),
        };
        return new OutageAreaView(a.Kind, a.StreetId, street, a.DistrictId, district, numbers,
            a.FromNumber, a.ToNumber, a.Side, description);
    }

    private async Task<Outage> LoadOpenAsync(long id, Actor actor, CancellationToken ct)
    {
        var outage = await db.Outages.Include(o => o.Areas).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("outage.notFound", id));
        if (actor.IsExecutorSide)
            await EnsureOwnAsync(outage, actor, ct);
        if (outage.IsClosed)
            throw new ConflictException(Text.Get("outage.closed", id));
        return outage;
    }

    private static void EnsureMayRegister(Actor actor)
    {
        if (!(actor.IsExecutorSide || actor.Role is Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private Task EnsureOwnAsync(Outage outage, Actor actor, CancellationToken ct) => EnsureInScopeAsync(outage.ExecutorId, actor, ct);

    private async Task EnsureInScopeAsync(int executorId, Actor actor, CancellationToken ct)
    {
        var scope = actor.ExecutorId is { } own ? await executors.ScopeOfAsync(own, ct) : new HashSet<int>();
        if (!scope.Contains(executorId))
            throw new ForbiddenException(Text.Get("outage.notYours"));
    }

    private void Touch(Outage outage)
    {
        outage.UpdatedAt = time.GetUtcNow();
        outage.Version++;
    }

    private static void RequireText(ValidationErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, Text.Get("field.required"));
        else if (value.Length > max)
            errors.Add(field, Text.Get("field.tooLong", max));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Id(Outage o) => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DateTimeOffset Kyiv(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, calendar.TimeZone);

    private DateTimeOffset? Kyiv(DateTimeOffset? value) => value is { } v ? Kyiv(v) : null;
}
