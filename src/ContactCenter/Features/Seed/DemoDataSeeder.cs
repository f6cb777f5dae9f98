using System.Diagnostics;
using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Routing;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static ContactCenter.Features.Seed.DemoCommunity;

namespace ContactCenter.Features.Seed;

/// <summary>
/// Fills an empty installation with <see cref="DemoCommunity"/>: executors with staff, districts, streets and
/// buildings, routing rules, one demo account per role, and a few hundred appeals in every state.
/// Appeals go through <see cref="RegisterAppeal"/> and <see cref="AppealWorkflow"/> — the paths operators and
/// executors use — so cards, history, audit and derived statuses are exactly what real work would leave.
/// Those services run on a seed clock set to each step's moment in the past, so the timeline reads naturally.
/// Deterministic (<c>Random(2026)</c>) apart from being anchored at the current time; does nothing once the
/// marker executor exists.
/// </summary>
public sealed class DemoDataSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    ExecutorDirectory directory,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IDemoDataSeeder
{
    public const int AppealCount = 300;
    public const int Days = 60;

    private readonly Random _rng = new(2026);
    private readonly SeedClock _clock = new();
    private readonly CultureInfo _uk = CultureInfo.GetCultureInfo("uk-UA");

    private Dictionary<string, int> _executorIds = [];
    private Dictionary<int, Actor> _executorActors = [];
    private Dictionary<int, List<(string UserId, Actor Actor)>> _staffActors = [];
    private List<Actor> _operators = [];
    private Actor _supervisor = Actor.System;
    private List<BuildingRef> _buildings = [];
    private DateTimeOffset _now;
    private int _externalSeq;

    private sealed record BuildingRef(int Id, string Address, int District, double? Lat, double? Long);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Executors.AnyAsync(e => e.Name == MarkerName, ct))
            return;
        var watch = Stopwatch.StartNew();
        _now = time.GetUtcNow();

        // A few thousand small commits follow; one open connection spares a pool round-trip for each.
        await db.Database.OpenConnectionAsync(ct);
        TimeSpan reference;
        try
        {
            await SeedExecutorsAsync(ct);
            await SeedAddressesAsync(ct);
            await SeedRoutingAsync(ct);
            await SeedUsersAsync(ct);
            directory.Invalidate();
            reference = watch.Elapsed;
            await SeedAppealsAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Demo data of «{Community}» seeded in {Elapsed:0.0} s (reference data and users {Reference:0.0} s, {Count} appeals)",
            CommunityName, watch.Elapsed.TotalSeconds, reference.TotalSeconds, AppealCount);
    }

    private async Task SeedExecutorsAsync(CancellationToken ct)
    {
        // Parents precede their units, so each parent's id is known when its units are added.
        foreach (var def in DemoCommunity.Executors)
        {
            var executor = new Executor
            {
                Name = def.Name,
                ShortName = def.ShortName,
                Kind = def.Kind,
                ParentId = def.Parent is null ? null : _executorIds[def.Parent],
                ResponsiblePerson = def.Staff[0].Split('|')[0],
                Phone = def.Phone,
                Email = def.Email,
                WorkingHours = def.Hours,
                Competences = def.Competences.Select(c => new ExecutorCompetence { CategoryCode = c }).ToList(),
                Staff = def.Staff.Select((s, i) =>
                {
                    var parts = s.Split('|');
                    return new ExecutorStaffMember
                    {
                        FullName = parts[0],
                        Position = parts[1],
                        IsResponsible = i == 0,
                        Phone = MobilePhone(),
                        Email = $"{Latin(parts[0].Split(' ')[0])}.{Latin(parts[0].Split(' ')[1])[..1]}@zelenohirsk.example",
                    };
                }).ToList(),
            };
            db.Executors.Add(executor);
            await db.SaveChangesAsync(ct);
            _executorIds[def.ShortName] = executor.Id;
        }

        var categories = await db.Categories.ToListAsync(ct);
        foreach (var (code, executor) in CategoryDefaults)
        {
            if (categories.FirstOrDefault(c => c.Code == code) is { DefaultExecutorId: null } category)
                category.DefaultExecutorId = _executorIds[executor];
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAddressesAsync(CancellationToken ct)
    {
        var districts = Districts.Select(name => new District { Name = name }).ToList();
        db.Districts.AddRange(districts);
        await db.SaveChangesAsync(ct);

        // Each district lies in its own direction from the centre; each street runs from a point in it.
        (double Lat, double Long)[] offsets = [(0, 0), (0.018, 0.004), (-0.006, -0.022), (-0.014, 0.02)];
        var streets = new List<Street>();
        foreach (var (type, name, district, count) in Streets)
        {
            var (dLat, dLong) = offsets[district];
            var startLat = CentreLat + dLat + (_rng.NextDouble() - 0.5) * 0.012;
            var startLong = CentreLong + dLong + (_rng.NextDouble() - 0.5) * 0.018;
            var angle = _rng.NextDouble() * Math.PI;
            var mapped = type != "провулок" || _rng.Next(3) > 0;
            var street = new Street
            {
                Type = type,
                Name = name,
                DistrictId = districts[district].Id,
                SearchName = AddressRegister.Normalize(name),
            };
            var n = count > 0 ? count : _rng.Next(5, 41);
            var numbers = BuildingNumbers(n);
            for (var i = 0; i < numbers.Count; i++)
            {
                street.Buildings.Add(new Building
                {
                    Number = numbers[i],
                    DistrictId = districts[district].Id,
                    Lat = mapped ? Math.Round(startLat + Math.Sin(angle) * 0.00035 * i, 6) : null,
                    Long = mapped ? Math.Round(startLong + Math.Cos(angle) * 0.0005 * i, 6) : null,
                });
            }
            streets.Add(street);
        }
        db.Streets.AddRange(streets);
        await db.SaveChangesAsync(ct);

        _buildings = streets.SelectMany(s => s.Buildings.Select(b => new BuildingRef(
            b.Id, $"{Abbreviation(s.Type)} {s.Name}, {b.Number}", Array.IndexOf(Districts, districts.First(d => d.Id == s.DistrictId).Name), b.Lat, b.Long))).ToList();
    }

    /// <summary>"1", "2", "2А", "3", "4/2" …: mostly plain numbers with the occasional letter or fraction, as real streets have.</summary>
    private List<string> BuildingNumbers(int count)
    {
        var list = new List<string>(count);
        for (var n = 1; list.Count < count; n++)
        {
            list.Add(n.ToString(CultureInfo.InvariantCulture));
            var extra = _rng.Next(20);
            if (extra == 0 && list.Count < count)
                list.Add($"{n}А");
            else if (extra == 1 && list.Count < count)
                list.Add($"{n}/2");
            else if (extra == 2 && list.Count < count)
                list.Add($"{n}Б");
        }
        return list;
    }

    private async Task SeedRoutingAsync(CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var rules = new List<RoutingRule>();
        // Housing questions go to the company managing the district's houses; water, heat and lighting to their utilities
        // wherever the place is — a category rule of the subcategory wins over the parent's district rule.
        for (var i = 0; i < Districts.Length; i++)
            rules.Add(new RoutingRule { CategoryCode = "utilities", DistrictId = districts[Districts[i]], ExecutorId = _executorIds[DistrictHousingCompany[i]] });
        foreach (var code in new[] { "utilities.water", "utilities.sewerage" })
            rules.Add(new RoutingRule { CategoryCode = code, ExecutorId = _executorIds["КП «Водоканал»"] });
        foreach (var code in new[] { "utilities.heating", "utilities.hotwater" })
            rules.Add(new RoutingRule { CategoryCode = code, ExecutorId = _executorIds["КП «Теплоенерго»"] });
        rules.Add(new RoutingRule { CategoryCode = "improvement.lighting", ExecutorId = _executorIds["КП «Міськсвітло»"] });
        foreach (var (street, number, executor) in BuildingRules)
        {
            var building = await db.Buildings.AsNoTracking().FirstAsync(b => b.Street.Name == street && b.Number == number, ct);
            rules.Add(new RoutingRule { CategoryCode = "utilities", BuildingId = building.Id, ExecutorId = _executorIds[executor] });
        }
        db.RoutingRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedUsersAsync(CancellationToken ct)
    {
        // One hash for all: the demo password is public anyway, and hashing it ~25 times would cost seconds at start-up.
        string? hash = null;
        var staff = await db.ExecutorStaff.ToListAsync(ct);
        foreach (var login in Logins)
        {
            var user = await users.FindByEmailAsync(login.Email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = login.Email,
                    Email = login.Email,
                    EmailConfirmed = true,
                    FullName = login.FullName,
                    ExecutorId = login.Executor is null ? null : _executorIds[login.Executor],
                    // Demo accounts must work at once; real staff enrol a second factor (F12.4).
                    MustEnrolTwoFactor = false,
                };
                hash ??= users.PasswordHasher.HashPassword(user, Password);
                user.PasswordHash = hash;
                Check(await users.CreateAsync(user), login.Email);
                Check(await users.AddToRoleAsync(user, login.Role), login.Email);
            }
            var actor = new Actor(user.Id, login.FullName, login.Role, user.ExecutorId);
            switch (login.Role)
            {
                case Roles.Operator:
                    _operators.Add(actor);
                    break;
                case Roles.Supervisor:
                    _supervisor = actor;
                    break;
                case Roles.Executor:
                    _executorActors[user.ExecutorId!.Value] = actor;
                    break;
                case Roles.ExecutorStaff:
                    if (!_staffActors.TryGetValue(user.ExecutorId!.Value, out var list))
                        _staffActors[user.ExecutorId.Value] = list = [];
                    list.Add((user.Id, actor));
                    break;
            }
            if (user.ExecutorId is { } executorId && staff.FirstOrDefault(s => s.ExecutorId == executorId && s.FullName == login.FullName) is { } member)
                member.UserId = user.Id;
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    // ---------------------------------------------------------------- appeals

    private enum Target { Registered, Assigned, InProgress, ResultReported, Closed, Reworked, Answered, Forwarded, Rejected, Deferred }

    private sealed record AppealPlan(DateTimeOffset ReceivedAt, DateTimeOffset RegisteredAt, Actor Registrar, RegisterAppealRequest Request, List<(Topic Topic, Target Target)> Questions);

    private async Task SeedAppealsAsync(CancellationToken ct)
    {
        // The seed clock drives every service the appeals pass through; the rest of the container is untouched.
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(services, _clock);
        var register = ActivatorUtilities.CreateInstance<RegisterAppeal>(services, _clock, audit);
        var workflow = ActivatorUtilities.CreateInstance<AppealWorkflow>(services, _clock, audit);

        var plans = Enumerable.Range(0, AppealCount).Select(_ => PlanAppeal()).OrderBy(p => p.RegisteredAt).ToList();
        foreach (var plan in plans)
        {
            _clock.Now = plan.RegisteredAt;
            var appeal = (await register.HandleAsync(plan.Request, plan.Registrar, ct)).Appeal;
            var steps = new List<(DateTimeOffset At, Func<Task> Run)>();
            foreach (var question in appeal.Questions)
            {
                var (topic, target) = plan.Questions[question.Number - 1];
                steps.AddRange(PlanQuestion(workflow, appeal, question, topic, target, plan, ct));
            }
            // Questions of one card are worked in parallel; their steps interleave in time.
            foreach (var (at, run) in steps.OrderBy(s => s.At))
            {
                _clock.Now = at;
                await run();
            }
            // Nothing later needs these entities; a growing change tracker would make every save slower.
            db.ChangeTracker.Clear();
        }
    }

    private AppealPlan PlanAppeal()
    {
        var first = PickTopic(null);
        var target = PickTarget(first);
        var open = target is Target.Registered or Target.Assigned or Target.InProgress or Target.Deferred or Target.ResultReported;
        // Open work is mostly fresh, some of it overdue; finished work is spread over the whole period.
        var ageDays = open
            ? (_rng.Next(10) < 7 ? _rng.NextDouble() * 5 : 6 + _rng.NextDouble() * 34)
            : 2 + _rng.NextDouble() * (Days - 2);
        var channel = PickChannel();
        var day = _now.AddDays(-ageDays);
        var received = channel is Channel.Web or Channel.Telegram or Channel.Email or Channel.UnifiedSystem
            ? day
            : new DateTimeOffset(day.Year, day.Month, day.Day, 6, 0, 0, TimeSpan.Zero).AddMinutes(_rng.Next(9 * 60));
        if (received > _now.AddMinutes(-30))
            received = _now.AddMinutes(-_rng.Next(30, 300));
        var registered = channel switch
        {
            Channel.Phone or Channel.PersonalReception => received.AddMinutes(_rng.Next(2, 12)),
            Channel.Web or Channel.Telegram or Channel.UnifiedSystem => received.AddSeconds(_rng.Next(5, 90)),
            Channel.Email or Channel.SocialMedia => received.AddMinutes(_rng.Next(15, 240)),
            // A letter or a ЦНАП form reaches the contact centre later; the card keeps the real received date (F1.7).
            _ => received.AddHours(_rng.Next(1, 40)),
        };
        if (registered > _now.AddMinutes(-10))
            registered = received.AddSeconds(30) < _now ? received.AddSeconds(30) : received;

        if (first.Category == "improvement.snow" && received.Month is > 3 and < 11)
            first = Topics.First(t => t.Category == "improvement.greenery"); // no snow in the autumn
        var questions = new List<(Topic, Target)> { (first, target) };
        if (first.AtBuilding && first.Kind == TopicKind.Work && _rng.Next(100) < 10)
        {
            for (var extra = _rng.Next(1, 3); extra > 0; extra--)
            {
                var more = PickTopic(t => t.AtBuilding && t.Kind == TopicKind.Work && questions.All(q => q.Item1 != t));
                questions.Add((more, open ? PickOpenTarget(more) : PickTarget(more)));
            }
        }

        var building = _buildings[_rng.Next(_buildings.Count)];
        var home = _rng.Next(10) < 7 ? building : _buildings[_rng.Next(_buildings.Count)];
        var collective = questions[0].Item1.AtBuilding && _rng.Next(100) < 6;
        var inputs = questions.Select(q => new QuestionInput(q.Item1.Category, Text(q.Item1, received, collective),
            q.Item1.AtBuilding ? new LocationInput(building.Address, building.Id, building.Lat, building.Long) : null, null)).ToList();
        var single = inputs.Count == 1;
        var priority = first.Kind == TopicKind.Work && !first.Emergency && first.Category.StartsWith("utilities.", StringComparison.Ordinal) && _rng.Next(10) == 0
            ? Priority.Urgent : Priority.Standard;
        var kind = first.Kind is TopicKind.Answer ? AppealKind.Application
            : _rng.Next(10) switch { < 7 => AppealKind.Application, < 9 => AppealKind.Complaint, _ => AppealKind.Proposal };
        var request = new RegisterAppealRequest(
            channel, kind, null, Applicant(channel, home, collective), collective, collective ? _rng.Next(5, 120) : null,
            single ? inputs[0].CategoryCode : null, single ? inputs[0].Description : null, single ? inputs[0].Location : null,
            priority, null, received, HideIdentity: _rng.Next(100) < 5,
            ExternalId: channel == Channel.UnifiedSystem ? $"1545-{received:yyMMdd}-{++_externalSeq:00000}" : null,
            null, null, single ? null : inputs);
        return new AppealPlan(received, registered, Registrar(channel), request, questions);
    }

    private Topic PickTopic(Func<Topic, bool>? filter)
    {
        var pool = Topics.Where(t => filter?.Invoke(t) ?? true).ToList();
        var roll = _rng.Next(pool.Sum(t => t.Weight));
        foreach (var t in pool)
        {
            if ((roll -= t.Weight) < 0)
                return t;
        }
        return pool[^1];
    }

    private Target PickTarget(Topic topic)
    {
        var roll = _rng.Next(100);
        return topic.Kind switch
        {
            TopicKind.Answer => roll < 80 ? Target.Answered : Target.Assigned,
            TopicKind.Forward => roll < 85 ? Target.Forwarded : Target.Assigned,
            TopicKind.Unrouted => roll < 45 ? Target.Registered : roll < 70 ? Target.Answered : roll < 85 ? Target.InProgress : Target.Closed,
            _ => roll switch
            {
                < 12 => Target.Assigned,
                < 30 => Target.InProgress,
                < 41 => Target.ResultReported,
                < 73 => Target.Closed,
                < 80 => Target.Reworked,
                < 84 => Target.Rejected,
                < 92 => topic.Deferrable ? Target.Deferred : Target.InProgress,
                _ => Target.Closed,
            },
        };
    }

    private Target PickOpenTarget(Topic topic) => _rng.Next(3) switch
    {
        0 => Target.Assigned,
        1 => Target.InProgress,
        _ => topic.Deferrable ? Target.Deferred : Target.ResultReported,
    };

    private Channel PickChannel() => _rng.Next(100) switch
    {
        < 44 => Channel.Phone,
        < 56 => Channel.Web,
        < 68 => Channel.Telegram,
        < 76 => Channel.Email,
        < 81 => Channel.PersonalReception,
        < 87 => Channel.Written,
        < 91 => Channel.SocialMedia,
        < 93 => Channel.VideoSurveillance,
        < 99 => Channel.UnifiedSystem,
        _ => Channel.Other,
    };

    private Actor Registrar(Channel channel) => channel switch
    {
        Channel.Web => new Actor(null, "Портал громади", Roles.Integration, null),
        Channel.Telegram => new Actor(null, "Telegram-бот", Roles.Integration, null),
        Channel.UnifiedSystem => new Actor(null, "Єдина система 1545", Roles.Integration, null),
        _ => _operators[_rng.Next(_operators.Count)],
    };

    private string Text(Topic topic, DateTimeOffset received, bool collective)
    {
        var text = topic.Texts[_rng.Next(topic.Texts.Length)]
            .Replace("{since}", received.AddDays(-_rng.Next(1, 4)).ToString("d MMMM", _uk), StringComparison.Ordinal);
        return collective ? "Колективне звернення мешканців будинку. " + text : text;
    }

    private ApplicantInput Applicant(Channel channel, BuildingRef home, bool collective)
    {
        var address = $"{City}, {home.Address}, кв. {_rng.Next(1, 120)}";
        if (channel == Channel.VideoSurveillance)
            return new ApplicantInput("Черговий оператор системи відеоспостереження «Безпечна громада»", null, "video@zelenohirsk.example",
                $"{City}, пл. Центральна, 1", null, null, null, null);

        var male = _rng.Next(2) == 0;
        var surname = Surnames[_rng.Next(Surnames.Length)];
        var name = male ? MaleNames[_rng.Next(MaleNames.Length)] : FemaleNames[_rng.Next(FemaleNames.Length)];
        var patronymic = Patronymics[_rng.Next(Patronymics.Length)];
        var fullName = $"{(male ? surname.Male : surname.Female)} {name} {(male ? patronymic.Male : patronymic.Female)}";
        var phone = MobilePhone();
        var wantsEmail = channel is Channel.Email or Channel.Web || _rng.Next(10) == 0;
        var email = wantsEmail ? $"{Latin(name)}.{Latin(male ? surname.Male : surname.Female)}{_rng.Next(10, 99)}@example.com" : null;
        var privilege = _rng.Next(100) < 16 ? Privileges[_rng.Next(Privileges.Length)] : null;
        var representative = !collective && _rng.Next(100) < 3
            ? $"в інтересах {(_rng.Next(2) == 0 ? "матері" : "батька")}, який(а) не може звернутися самостійно" : null;
        return new ApplicantInput(
            fullName,
            channel == Channel.Email && _rng.Next(3) == 0 ? null : phone,
            email,
            address,
            privilege == "ВПО" ? IdpOrigins[_rng.Next(IdpOrigins.Length)] : null,
            privilege,
            _rng.Next(10) < 4 ? SocialStatuses[_rng.Next(SocialStatuses.Length)] : null,
            representative,
            channel == Channel.Telegram ? _rng.NextInt64(100_000_000, 7_000_000_000).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>A valid Ukrainian mobile number, written the ways callers dictate them.</summary>
    private string MobilePhone()
    {
        var code = MobileCodes[_rng.Next(MobileCodes.Length)];
        var n = _rng.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);
        return _rng.Next(3) == 0 ? $"0{code} {n[..3]} {n[3..5]} {n[5..]}" : $"+380{code}{n}";
    }

    // ---------------------------------------------------------------- one question's life

    private List<(DateTimeOffset, Func<Task>)> PlanQuestion(
        AppealWorkflow workflow, Appeal appeal, Question question, Topic topic, Target target, AppealPlan plan, CancellationToken ct)
    {
        var number = appeal.RegistrationNumber;
        int? q = appeal.Questions.Count > 1 ? question.Number : null;
        var steps = new List<(TimeSpan Delay, Func<Task> Run)>();
        var op = plan.Registrar.Role == Roles.Operator ? plan.Registrar : _operators[_rng.Next(_operators.Count)];
        var fast = question.ReviewTrackCode is "urgent" or "emergency";
        void Step(double minMinutes, double maxMinutes, Func<Task> run) =>
            steps.Add((TimeSpan.FromMinutes(minMinutes + _rng.NextDouble() * (maxMinutes - minMinutes)), run));

        var executorId = question.ExecutorId;
        if (executorId is null && target is not (Target.Registered or Target.Answered or Target.Forwarded or Target.Rejected))
        {
            // Nothing routed it: the operator picks the executor by hand.
            executorId = _executorIds[topic.Other ?? "Управління ЖКГ"];
            var chosen = executorId.Value;
            Step(5, 90, () => workflow.AssignAsync(number, q, new AssignRequest(chosen, null, null, null, "Призначено оператором"), op, ct));
        }

        switch (target)
        {
            case Target.Registered:
                break;
            case Target.Answered:
                Step(plan.Request.Channel == Channel.Phone ? 1 : 30, plan.Request.Channel == Channel.Phone ? 10 : 600, () =>
                    workflow.AnswerAsync(number, q, new AnswerRequest(topic.Other ?? "Надано усне роз'яснення заявнику."), op, ct));
                break;
            case Target.Forwarded:
                Step(60, 3 * 24 * 60, () => workflow.ForwardAsync(number, q, new ForwardRequest(topic.Other ?? "Належний орган",
                    "Питання не належить до повноважень органів місцевого самоврядування громади; звернення надіслано за належністю, заявника повідомлено.",
                    "Частина третя статті 7 Закону України «Про звернення громадян»"), op, ct));
                break;
            case Target.Rejected:
                if (executorId is { } rejectedAt && _rng.Next(2) == 0)
                    Step(30, 20 * 60, () => workflow.AcceptAsync(number, q, _executorActors[rejectedAt], ct));
                Step(24 * 60, 5 * 24 * 60, () => workflow.RejectAsync(number, q, new RejectRequest(
                    "Частина перша статті 8 Закону України «Про звернення громадян»",
                    "Повторне звернення з питання, яке вже вирішено по суті; нових обставин не наведено.",
                    "Рішення може бути оскаржене до вищого органу або до суду (стаття 16 Закону України «Про звернення громадян»)."), _supervisor, ct));
                break;
            case Target.Assigned:
                if (topic.Other == DistrictHousing && _rng.Next(2) == 0)
                {
                    // The executor disputes its competence; the request waits for the supervisor.
                    var alt = AlternativeExecutor(question);
                    Step(60, 8 * 60, () => workflow.CreateRequestAsync(number, q, new ExecutorRequestInput(ExecutorRequestType.Reassign,
                        "Об'єкт розташований на прибудинковій території і належить до обслуговування керуючої компанії.", alt, null), _executorActors[executorId!.Value], ct));
                }
                break;
            default:
                PlanWork(workflow, number, q, question, topic, target, executorId!.Value, op, fast, Step, ct);
                break;
        }

        // Spread over the real time since registration if the natural pace would run past now.
        var total = steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Delay);
        var room = _now.AddMinutes(-2) - plan.RegisteredAt;
        var scale = total > room && total > TimeSpan.Zero ? Math.Max(0, room / total) : 1;
        var at = plan.RegisteredAt;
        var result = new List<(DateTimeOffset, Func<Task>)>();
        foreach (var (delay, run) in steps)
        {
            at += delay * scale + TimeSpan.FromSeconds(1);
            result.Add((at, run));
        }
        return result;
    }

    private void PlanWork(
        AppealWorkflow workflow, string number, int? q, Question question, Topic topic, Target target, int executorId, Actor op, bool fast,
        Action<double, double, Func<Task>> step, CancellationToken ct)
    {
        if (topic.Other == DistrictHousing && _rng.Next(5) == 0)
        {
            // Routed to the wrong executor: the supervisor moves it before anyone accepts it.
            var alt = AlternativeExecutor(question);
            step(30, 6 * 60, () => workflow.AssignAsync(number, q, new AssignRequest(alt, null, null, null,
                "Прибудинкову територію обслуговує керуюча компанія будинку"), _supervisor, ct));
            executorId = alt;
        }
        var executor = _executorActors[executorId];
        var worker = executor;
        step(fast ? 10 : 30, fast ? 90 : 20 * 60, () => workflow.AcceptAsync(number, q, executor, ct));
        if (_staffActors.TryGetValue(executorId, out var staff) && _rng.Next(3) > 0)
        {
            var (userId, actor) = staff[_rng.Next(staff.Count)];
            worker = actor;
            step(5, 120, () => workflow.AssignAsync(number, q, new AssignRequest(null, userId, null, null, null), executor, ct));
        }
        if (_rng.Next(4) == 0)
        {
            var text = fast ? "Аварійна бригада виїхала на місце." : "Роботи заплановано, заявника повідомлено телефоном.";
            step(30, 12 * 60, () => workflow.CommentAsync(number, q, new CommentRequest(text, true), worker, ct));
        }
        if (target == Target.InProgress && question.ReviewTrackCode == "simple" && _rng.Next(4) == 0)
        {
            // An extension request: some approved, some still waiting for the supervisor.
            var days = _rng.Next(3, 8);
            var approve = _rng.Next(2) == 0;
            step(2 * 60, 24 * 60, async () =>
            {
                var request = await workflow.CreateRequestAsync(number, q, new ExecutorRequestInput(ExecutorRequestType.Extend,
                    "Потрібна закупівля матеріалів, роботи тривають.", null, days), executor, ct);
                if (approve)
                    await workflow.DecideAsync(request.Id, true, new DecisionRequest("Погоджено", null), _supervisor, ct);
            });
        }
        if (target == Target.InProgress)
            return;
        if (target == Target.Deferred)
        {
            step(24 * 60, 4 * 24 * 60, async () =>
            {
                var request = await workflow.CreateRequestAsync(number, q, new ExecutorRequestInput(ExecutorRequestType.Defer,
                    "Потрібен капітальний ремонт; роботи включено до програми на 2027 рік.", null, null), executor, ct);
                await workflow.DecideAsync(request.Id, true, new DecisionRequest("Погоджено: включено до плану", null), _supervisor, ct);
            });
            return;
        }

        var resultCode = topic.Category.StartsWith("social", StringComparison.Ordinal) && _rng.Next(3) == 0 ? ResultCode.Explained : ResultCode.Resolved;
        var resultText = resultCode == ResultCode.Explained ? "Заявнику надано письмове роз'яснення щодо порядку та строків." : topic.Result;
        step(fast ? 60 : 3 * 60, fast ? 12 * 60 : 4 * 24 * 60, () => workflow.ReportResultAsync(number, q, new ResultRequest(resultText, resultCode), worker, ct));
        if (target == Target.ResultReported)
            return;
        var verifier = _rng.Next(4) == 0 ? new Actor(null, "Telegram-бот", "system", null) : op;
        var via = verifier.Role == "system" ? "telegram" : "phone";
        if (target == Target.Reworked)
        {
            step(2 * 60, 24 * 60, () => workflow.VerifyAsync(number, q, new VerificationRequest(false, 1,
                "Заявник повідомив, що проблему не усунено.", via), verifier, ct));
            step(12 * 60, 3 * 24 * 60, () => workflow.ReportResultAsync(number, q, new ResultRequest("Повторно виконано роботи. " + topic.Result, ResultCode.Resolved), worker, ct));
        }
        var rating = _rng.Next(10) switch { < 5 => 5, < 8 => 4, _ => 3 };
        step(2 * 60, 2 * 24 * 60, () => workflow.VerifyAsync(number, q, new VerificationRequest(true, rating,
            rating == 5 ? "Дякую, все зроблено швидко." : "Зроблено, але довго.", via), verifier, ct));
    }

    /// <summary>For lighting and trees by a house: the company managing that house.</summary>
    private int AlternativeExecutor(Question question)
    {
        var district = _buildings.FirstOrDefault(b => b.Id == question.Location.BuildingId)?.District ?? 0;
        return _executorIds[DistrictHousingCompany[district]];
    }

    /// <summary>A clock the seeder moves to each step's moment; only the services it builds for seeding see it.</summary>
    private sealed class SeedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
