using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;
using ContactCenter.Core.Numbering;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Seed;

namespace ContactCenter.Bench.Generate;

/// <summary>
/// Produces appeals in the order they were received, over the last <c>years</c> years, with their questions,
/// assignments and timeline. Deadlines come from the app's own <see cref="DeadlineCalculator"/> and calendar,
/// appeal status and deadline from <see cref="AppealAggregate"/>, registration numbers from
/// <see cref="RegistrationNumberFormat"/> with one counter per year, as the app numbers them.
/// </summary>
internal sealed class DataGenerator
{
    // Share of appeals whose applicant calls again: each repeat applicant has at least two appeals.
    private const double RepeatPoolShare = 0.27;   // repeat applicants per appeal: 270k for 1M
    private const double ExtraRepeatShare = 0.06;  // skewed extra appeals of repeat applicants (serial callers)

    private static readonly string[] Operators = ["Оператор Коваленко О.", "Оператор Мельник І.", "Оператор Бойко Т.", "Оператор Руденко Н.", "Оператор Савчук Ю.", "Оператор Гнатюк М.", "Оператор Лисенко В.", "Оператор Шевчук А."];
    private const string Supervisor = "Начальник контакт-центру Ткаченко Г.";
    private const string SystemActor = "Система (маршрутизація)";
    private static readonly string[] ForwardTargets = ["Головне управління ДСНС", "Національна поліція", "Головне управління Держпраці", "Обласна військова адміністрація", "Пенсійний фонд України"];
    private static readonly string[] ResultTexts = ["Роботи виконано, несправність усунено.", "Проведено обстеження, роботи включено до плану.", "Надано роз'яснення заявнику телефоном.", "Виконано заміну обладнання.", "Проведено прибирання території.", "Відновлено постачання."];
    private static readonly string[] Comments = ["Зателефоновано заявнику, уточнено адресу.", "Заявник повідомив, що проблема повторюється.", "Виконавця повідомлено телефоном.", "Додано фото від заявника.", "Нагадування виконавцю про строк.", "Заявник просить повідомити результат SMS."];
    private static readonly string[] Privileges = ["ветеран війни", "особа з інвалідністю II групи", "пенсіонер за віком", "внутрішньо переміщена особа", "член багатодітної сім'ї"];
    private static readonly string[] SocialStatuses = ["пенсіонер", "працюючий", "безробітний", "студент", "підприємець"];
    private static readonly string[] MobileCodes = ["50", "66", "95", "99", "67", "68", "96", "97", "98", "63", "73", "93"];

    private static readonly (Channel Channel, int Weight)[] Channels =
    [
        (Channel.Phone, 550), (Channel.Web, 140), (Channel.Telegram, 100), (Channel.Email, 80), (Channel.Written, 60),
        (Channel.PersonalReception, 40), (Channel.UnifiedSystem, 15), (Channel.SocialMedia, 10), (Channel.Other, 3), (Channel.VideoSurveillance, 2),
    ];

    // Heavier where a city's contact centre really is busy: heating, water, waste, roads.
    private static readonly Dictionary<string, int> CategoryWeights = new(StringComparer.Ordinal)
    {
        ["utilities.water"] = 90,
        ["utilities.sewerage"] = 40,
        ["utilities.heating"] = 120,
        ["utilities.hotwater"] = 80,
        ["utilities.electricity"] = 50,
        ["utilities.gas"] = 15,
        ["utilities.elevator"] = 60,
        ["utilities.roof"] = 40,
        ["utilities.yard"] = 50,
        ["utilities.emergency"] = 10,
        ["improvement.roads"] = 60,
        ["improvement.lighting"] = 40,
        ["improvement.greenery"] = 35,
        ["improvement.waste"] = 60,
        ["improvement.snow"] = 20,
        ["improvement.playgrounds"] = 15,
        ["transport.public"] = 40,
        ["transport.traffic"] = 20,
        ["social.benefits"] = 30,
        ["social.idp"] = 15,
        ["social.veterans"] = 10,
        ["health"] = 15,
        ["education"] = 15,
        ["land"] = 10,
        ["safety"] = 20,
        ["administrative"] = 15,
        ["other"] = 25,
    };

    private readonly Random _rng;
    private readonly int _total;
    private readonly DateTime _now;
    private readonly long[] _receivedTicks;
    private readonly int[] _applicantOf;
    private readonly Applicant[] _pool;
    private readonly long[] _lastAppealOf;
    private readonly HashSet<long> _phones = [];
    private readonly WorkingCalendar _calendar;
    private readonly RegistrationNumberFormat _format = new("{yy}-{seq:5}");
    private readonly IReadOnlyDictionary<string, int> _routing;
    private readonly int[] _executorIds;
    private readonly IReadOnlyDictionary<int, string> _executorNames;
    private readonly (string Code, ReviewTrack Track, bool Address)[] _categories;
    private readonly int[] _categoryCumulative;
    private readonly int[] _channelCumulative;
    private readonly ReviewTrack _urgent;

    private int _next;
    private long _questionId;
    private long _assignmentId;
    private long _historyId;

    private sealed record Applicant(string FullName, string? Phone, string? Email, string Address, int Street);

    public DataGenerator(int total, int years, int seed, DateTime nowUtc, WorkingCalendar calendar,
        IReadOnlyDictionary<string, int> routing, IReadOnlyDictionary<int, string> executorNames)
    {
        _rng = new Random(seed);
        _total = total;
        _now = nowUtc;
        _calendar = calendar;
        _routing = routing;
        _executorNames = executorNames;
        _executorIds = executorNames.Keys.Order().ToArray();

        var tracks = ReferenceDataSeeder.Tracks.ToDictionary(t => t.Code, t => new ReviewTrack(t.Code, t.Term, t.Unit), StringComparer.Ordinal);
        _urgent = tracks["urgent"];
        _categories = ReferenceDataSeeder.Categories
            .Where(c => Vocabulary.ByCategory.ContainsKey(c.Code))
            .Select(c => (c.Code, tracks[c.Track], c.Address && c.Parent is not null))
            .ToArray();
        _categoryCumulative = Cumulative(_categories.Select(c => CategoryWeights[c.Code]));
        _channelCumulative = Cumulative(Channels.Select(c => c.Weight));

        // Receipt times: uniform days, busier working hours (Kyiv is UTC+2/+3), sorted so that ids and numbers follow time.
        var start = nowUtc.AddDays(-365.25 * years);
        var spanDays = (nowUtc.AddMinutes(-5) - start).TotalDays;
        var hourCumulative = Cumulative([1, 1, 1, 1, 2, 6, 9, 10, 10, 10, 10, 9, 9, 9, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1]);
        _receivedTicks = new long[total];
        for (var i = 0; i < total; i++)
        {
            var day = start.Date.AddDays(Math.Floor(_rng.NextDouble() * spanDays));
            var t = day.AddHours(Pick(hourCumulative)).AddSeconds(_rng.Next(3600));
            if (t < start)
                t = start.AddSeconds(_rng.Next(3600));
            if (t > nowUtc.AddMinutes(-5))
                t = nowUtc.AddMinutes(-5 - _rng.Next(600));
            _receivedTicks[i] = t.Ticks;
        }
        Array.Sort(_receivedTicks);

        // Who applies: every repeat applicant twice, some of them many times (skewed), everyone else once (-1).
        var poolSize = Math.Max(1, (int)(total * RepeatPoolShare));
        _pool = new Applicant[poolSize];
        for (var p = 0; p < poolSize; p++)
            _pool[p] = NewApplicant(withPhone: true);
        _lastAppealOf = new long[poolSize];
        _applicantOf = new int[total];
        Array.Fill(_applicantOf, -1);
        var k = 0;
        for (var p = 0; p < poolSize && k + 1 < total; p++)
        {
            _applicantOf[k++] = p;
            _applicantOf[k++] = p;
        }
        for (var e = 0; e < (int)(total * ExtraRepeatShare) && k < total; e++)
        {
            var u = _rng.NextDouble();
            _applicantOf[k++] = (int)(poolSize * u * u);
        }
        for (var i = total - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (_applicantOf[i], _applicantOf[j]) = (_applicantOf[j], _applicantOf[i]);
        }
    }

    /// <summary>Highest sequence handed out per counter key (e.g. "appeal:2025").</summary>
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public bool HasMore => _next < _total;

    public Batch NextBatch(int size)
    {
        var batch = new Batch();
        var end = Math.Min(_total, _next + size);
        for (; _next < end; _next++)
            AddAppeal(batch, _next);
        return batch;
    }

    private void AddAppeal(Batch batch, int index)
    {
        var id = index + 1L;
        var received = new DateTime(_receivedTicks[index], DateTimeKind.Utc);
        var channel = Channels[Pick(_channelCumulative)].Channel;
        var late = channel is Channel.Written or Channel.Email or Channel.UnifiedSystem;
        var registered = received.AddSeconds(late ? _rng.Next(3 * 86_400) : _rng.Next(600));
        if (registered > _now)
            registered = _now;

        var localDate = _calendar.LocalDate(new DateTimeOffset(registered));
        var key = _format.CounterKey(localDate);
        var seq = Counters.GetValueOrDefault(key) + 1;
        Counters[key] = seq;

        var poolIndex = _applicantOf[index];
        var applicant = poolIndex >= 0 ? _pool[poolIndex] : NewApplicant(withPhone: channel is not (Channel.Email or Channel.Web) || _rng.Next(2) == 0);
        long? repeatOf = null;
        if (poolIndex >= 0)
        {
            if (_lastAppealOf[poolIndex] > 0 && _rng.Next(4) == 0)
                repeatOf = _lastAppealOf[poolIndex];
            _lastAppealOf[poolIndex] = id;
        }

        var kindRoll = _rng.Next(100);
        var kind = kindRoll < 80 ? AppealKind.Application : kindRoll < 92 ? AppealKind.Complaint : AppealKind.Proposal;
        var priority = _rng.Next(100) < 3 ? Priority.Urgent : Priority.Standard;
        var questionCount = _rng.Next(100) switch { < 90 => 1, < 98 => 2, _ => 3 };
        var operatorName = Operators[_rng.Next(Operators.Length)];
        var age = _now - received;

        var history = new List<HistoryRow>(6)
        {
            new(0, id, null, registered, operatorName, "registered", null, AppealStatus.Registered, channel.ToString(), true),
        };
        var questions = new List<QuestionRow>(questionCount);
        var descriptions = new List<string>(questionCount);
        for (var n = 1; n <= questionCount; n++)
        {
            var (code, track, addressRequired) = _categories[Pick(_categoryCumulative)];
            if (priority == Priority.Urgent)
                track = _urgent;
            var description = Vocabulary.Description(_rng, code, applicant.Street);
            descriptions.Add(description);
            var due = DeadlineCalculator.Due(new DateTimeOffset(received), track, _calendar).UtcDateTime;
            var q = new QuestionRow
            {
                Id = ++_questionId,
                AppealId = id,
                Number = n,
                CategoryCode = code,
                Description = description,
                LocationAddress = addressRequired || _rng.Next(2) == 0 ? Vocabulary.Address(_rng, out _).Split(", кв.")[0] : null,
                ReviewTrackCode = track.Code,
                Status = PickStatus(age),
                DueAt = due,
            };
            Lifecycle(batch, q, questionCount > 1 ? n : null, received, registered, history, operatorName);
            questions.Add(q);
        }

        // Pad the timeline with comments so that a card has 3–6 entries, as real ones do.
        var target = 3 + _rng.Next(4);
        var last = history.Max(h => h.At);
        while (history.Count < target)
        {
            var at = registered + (last - registered) * _rng.NextDouble();
            var isPublic = _rng.Next(3) == 0;
            history.Add(new HistoryRow(0, id, null, at, Operators[_rng.Next(Operators.Length)], isPublic ? "publicComment" : "comment",
                null, null, Comments[_rng.Next(Comments.Length)], isPublic));
        }
        history.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var h in history)
            batch.History.Add(h with { Id = ++_historyId });

        var status = AppealAggregate.DeriveStatus(questions.Select(q => q.Status).ToList());
        var dueAt = AppealAggregate.DeriveDue(questions.Select(q => (q.Status, (DateTimeOffset?)new DateTimeOffset(q.DueAt))).ToList());
        var text = questionCount == 1 ? descriptions[0] : string.Join("\n\n", descriptions.Select((d, i) => $"{i + 1}. {d}"));
        var collective = _rng.Next(100) == 0;
        batch.Appeals.Add(new AppealRow
        {
            Id = id,
            RegistrationNumber = _format.Format(localDate, seq),
            ReceivedAt = received,
            RegisteredAt = registered,
            UpdatedAt = history[^1].At,
            Channel = channel,
            Kind = kind,
            Form = channel switch
            {
                Channel.Phone or Channel.PersonalReception => AppealForm.Oral,
                Channel.Written => AppealForm.Written,
                _ => AppealForm.Electronic,
            },
            Priority = priority,
            FullName = applicant.FullName,
            Phone = applicant.Phone,
            Email = applicant.Email,
            Address = applicant.Address,
            PrivilegeCategory = _rng.Next(100) < 8 ? Privileges[_rng.Next(Privileges.Length)] : null,
            SocialStatus = _rng.Next(100) < 20 ? SocialStatuses[_rng.Next(SocialStatuses.Length)] : null,
            TelegramId = channel == Channel.Telegram ? (100_000_000 + _rng.Next(900_000_000)).ToString(CultureInfo.InvariantCulture) : null,
            IsCollective = collective,
            SignatoriesCount = collective ? 2 + _rng.Next(300) : null,
            HideIdentity = _rng.Next(50) == 0,
            Description = text,
            ExternalId = channel == Channel.UnifiedSystem ? string.Create(CultureInfo.InvariantCulture, $"USS-{id}") : null,
            Status = status,
            DueAt = dueAt?.UtcDateTime,
            RepeatOfId = repeatOf,
            Resonant = _rng.Next(300) == 0,
            AdditionalControl = _rng.Next(100) == 0,
            Version = history.Count(h => h.Action is not ("registered" or "comment" or "publicComment")),
            RegisteredByName = operatorName,
        });
        batch.Questions.AddRange(questions);
    }

    /// <summary>Walks a question from registration to its status, recording assignments, results and history.</summary>
    private void Lifecycle(Batch batch, QuestionRow q, int? number, DateTime received, DateTime registered, List<HistoryRow> history, string operatorName)
    {
        var executor = _rng.Next(100) < 95 && _routing.TryGetValue(q.CategoryCode, out var routed) ? routed : _executorIds[_rng.Next(_executorIds.Length)];
        var closing = _rng.Next(100);
        // The actions that led here, in order.
        List<string> steps = q.Status switch
        {
            AppealStatus.Registered => [],
            AppealStatus.Assigned => ["assigned"],
            AppealStatus.InProgress => ["assigned", "accepted"],
            AppealStatus.ResultReported => ["assigned", "accepted", "resultReported"],
            AppealStatus.Closed when closing < 75 => ["assigned", "accepted", "resultReported", "verified"],
            AppealStatus.Closed => ["assigned", "answered"],
            AppealStatus.Rejected => ["assigned", "accepted", "rejected"],
            AppealStatus.Forwarded when closing < 50 => ["forwarded"],
            AppealStatus.Forwarded => ["assigned", "forwarded"],
            AppealStatus.Deferred => ["assigned", "accepted", "request.defer.approved"],
            _ => throw new InvalidOperationException(q.Status.ToString()),
        };
        var reassigned = steps.Count > 1 && steps[0] == "assigned" && _rng.Next(100) < 4;
        if (reassigned)
            steps.Insert(1, "reassigned");
        if (steps.Count == 0)
            return;

        // Open questions were last touched some time before now; closed ones mostly within the term, one in ten late.
        var terminal = !AppealStateMachine.IsOpen(q.Status);
        var term = q.DueAt - received;
        var end = terminal
            ? received + term * (0.15 + _rng.NextDouble() * (_rng.Next(10) == 0 ? 1.5 : 0.85))
            : registered + (_now - registered) * (0.2 + _rng.NextDouble() * 0.8);
        if (end > _now)
            end = _now;
        if (end <= registered)
            end = registered.AddSeconds(1);
        var fractions = new double[steps.Count];
        for (var i = 0; i < fractions.Length; i++)
            fractions[i] = _rng.NextDouble();
        Array.Sort(fractions);
        fractions[^1] = 1;
        // Routing assigns at registration.
        fractions[0] = steps[0] == "assigned" ? 0 : fractions[0];

        var status = AppealStatus.Registered;
        var previousExecutor = reassigned ? _executorIds[_rng.Next(_executorIds.Length)] : executor;
        var executorName = _executorNames[executor];
        for (var i = 0; i < steps.Count; i++)
        {
            var at = registered + (end - registered) * fractions[i];
            var step = steps[i];
            var (to, actor, comment) = step switch
            {
                "assigned" => (AppealStatus.Assigned, SystemActor, _executorNames[previousExecutor]),
                "reassigned" => (AppealStatus.Assigned, Supervisor, executorName),
                "accepted" => (AppealStatus.InProgress, executorName, null),
                "resultReported" => (AppealStatus.ResultReported, executorName, ResultTexts[_rng.Next(ResultTexts.Length)]),
                "verified" => (AppealStatus.Closed, operatorName, "Заявник підтвердив виконання."),
                "answered" => (AppealStatus.Closed, operatorName, "Надано роз'яснення."),
                "rejected" => (AppealStatus.Rejected, Supervisor, "Питання не належить до повноважень органу місцевого самоврядування."),
                "forwarded" => (AppealStatus.Forwarded, operatorName, ForwardTargets[_rng.Next(ForwardTargets.Length)]),
                _ => (AppealStatus.Deferred, Supervisor, "Включено до програми капітального ремонту."),
            };
            history.Add(new HistoryRow(0, q.AppealId, number, at, actor, step, status, to, comment, true));
            status = to;
            switch (step)
            {
                case "assigned":
                    q.ExecutorId = previousExecutor;
                    batch.Assignments.Add(new AssignmentRow(++_assignmentId, q.Id, previousExecutor, AssignmentRole.Main, at, !reassigned));
                    if (!reassigned && _rng.Next(100) < 6)
                        batch.Assignments.Add(new AssignmentRow(++_assignmentId, q.Id, _executorIds[_rng.Next(_executorIds.Length)], AssignmentRole.CoExecutor, at, true));
                    break;
                case "reassigned":
                    q.ExecutorId = executor;
                    batch.Assignments.Add(new AssignmentRow(++_assignmentId, q.Id, executor, AssignmentRole.Main, at, true));
                    break;
                case "accepted":
                    q.AcceptedAt = at;
                    break;
                case "resultReported":
                    q.ResultCode = _rng.Next(100) < 85 ? ResultCode.Resolved : ResultCode.Explained;
                    q.ResultText = comment;
                    q.ResultAt = at;
                    break;
                case "verified":
                    q.VerificationConfirmed = true;
                    q.VerificationRating = 3 + _rng.Next(3);
                    q.VerificationVia = "phone";
                    q.VerifiedAt = at;
                    q.ClosedAt = at;
                    break;
                case "answered":
                    q.ResultCode = ResultCode.Explained;
                    q.ResultText = comment;
                    q.ResultAt = at;
                    q.ClosedAt = at;
                    break;
                case "rejected":
                    q.ResultCode = ResultCode.Refused;
                    q.ResultText = comment;
                    q.LegalBasis = "ст. 8 Закону України «Про звернення громадян»";
                    q.ResultAt = at;
                    q.ClosedAt = at;
                    break;
                case "forwarded":
                    q.ResultCode = ResultCode.Forwarded;
                    q.ForwardedTo = comment;
                    q.ResultAt = at;
                    q.ClosedAt = at;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Fresh appeals are open; a month on most are closed; a few old ones stay open (overdue or deferred).</summary>
    private AppealStatus PickStatus(TimeSpan age)
    {
        var r = _rng.Next(1000);
        if (age < TimeSpan.FromDays(1))
            return r switch { < 100 => AppealStatus.Registered, < 650 => AppealStatus.Assigned, < 950 => AppealStatus.InProgress, _ => AppealStatus.ResultReported };
        if (age < TimeSpan.FromDays(7))
            return r switch { < 10 => AppealStatus.Registered, < 160 => AppealStatus.Assigned, < 610 => AppealStatus.InProgress, < 760 => AppealStatus.ResultReported, < 940 => AppealStatus.Closed, < 960 => AppealStatus.Rejected, < 990 => AppealStatus.Forwarded, _ => AppealStatus.Deferred };
        if (age < TimeSpan.FromDays(30))
            return r switch { < 40 => AppealStatus.Assigned, < 240 => AppealStatus.InProgress, < 360 => AppealStatus.ResultReported, < 900 => AppealStatus.Closed, < 930 => AppealStatus.Rejected, < 970 => AppealStatus.Forwarded, _ => AppealStatus.Deferred };
        return r switch { < 3 => AppealStatus.Assigned, < 15 => AppealStatus.InProgress, < 20 => AppealStatus.ResultReported, < 880 => AppealStatus.Closed, < 920 => AppealStatus.Rejected, < 970 => AppealStatus.Forwarded, _ => AppealStatus.Deferred };
    }

    private Applicant NewApplicant(bool withPhone)
    {
        string? phone = null;
        if (withPhone)
        {
            long number;
            do
            {
                var code = MobileCodes[_rng.Next(MobileCodes.Length)];
                number = long.Parse(code, CultureInfo.InvariantCulture) * 10_000_000 + _rng.Next(10_000_000);
            }
            while (!_phones.Add(number));
            phone = "+380" + number.ToString("D9", CultureInfo.InvariantCulture);
        }
        var email = phone is null || _rng.Next(5) == 0 ? string.Create(CultureInfo.InvariantCulture, $"zayavnyk{_phones.Count}.{_rng.Next(1_000_000)}@ukr.net") : null;
        var address = Vocabulary.Address(_rng, out var street);
        return new Applicant(Vocabulary.FullName(_rng), phone, email, address, street);
    }

    private int Pick(int[] cumulative)
    {
        var x = _rng.Next(cumulative[^1]);
        var i = Array.BinarySearch(cumulative, x + 1);
        return i >= 0 ? i : ~i;
    }

    private static int[] Cumulative(IEnumerable<int> weights)
    {
        var list = new List<int>();
        var sum = 0;
        foreach (var w in weights)
            list.Add(sum += w);
        return list.ToArray();
    }
}
