using System.Collections.Frozen;
using System.Globalization;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Features.Analytics;

/// <summary>Words of the dashboard, the rating and the spike signals, Ukrainian and English.</summary>
public static class AnalyticsText
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string S(string key, params object?[] args)
    {
        var text = Words.TryGetValue(key, out var w) ? (English ? w.En : w.Uk) : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    public static string Channel(Channel channel) => Console.T.Enum(channel);

    public static string Kind(SpikeKind kind) => S("spike.kind." + kind);

    public static string SpikeNotice(SpikeKind kind, string label, int count, double baseline, double hours, IReadOnlyList<string> numbers) =>
        string.Format(CultureInfo.InvariantCulture,
            "Сплеск звернень ({0}: {1}): {2} за {3:0.#} год при звичайних {4:0.#}. Звернення: {5}{6}",
            Words["spike.kind." + kind].Uk, label, count, hours, baseline, string.Join(", ", numbers.Take(20)), numbers.Count > 20 ? " …" : ".");

    private static readonly FrozenDictionary<string, (string Uk, string En)> Words = new Dictionary<string, (string, string)>
    {
        ["menu.dashboard"] = ("Аналітика", "Dashboard"),
        ["menu.rating"] = ("Рейтинг виконавців", "Executor rating"),
        ["menu.spikes"] = ("Сплески звернень", "Spikes"),
        ["dash.title"] = ("Аналітика звернень", "Appeals dashboard"),
        ["dash.from"] = ("З", "From"),
        ["dash.to"] = ("По", "To"),
        ["dash.executor"] = ("Виконавець", "Executor"),
        ["dash.category"] = ("Категорія", "Category"),
        ["dash.district"] = ("Район", "District"),
        ["dash.granularity"] = ("Крок", "Step"),
        ["dash.all"] = ("усі", "all"),
        ["dash.apply"] = ("Показати", "Show"),
        ["dash.total"] = ("Надійшло за період", "Received in the period"),
        ["dash.onTime"] = ("Закрито вчасно", "Closed on time"),
        ["dash.onTimeOf"] = ("{0} з {1} закритих питань", "{0} of {1} closed questions"),
        ["dash.overdue"] = ("Прострочено зараз", "Overdue now"),
        ["dash.repeated"] = ("Повторні", "Repeated"),
        ["dash.rework"] = ("Поверталися на доопрацювання", "Ever returned for rework"),
        ["dash.satisfaction"] = ("Задоволеність", "Satisfaction"),
        ["dash.ratedOf"] = ("{0} оцінок, підтверджено {1}", "{0} ratings, {1} confirmed"),
        ["dash.today"] = ("Сьогодні", "Today"),
        ["dash.todayReceived"] = ("надійшло", "received"),
        ["dash.todayClosed"] = ("закрито питань", "questions closed"),
        ["dash.todayOpen"] = ("на контролі", "open"),
        ["dash.todayOverdue"] = ("прострочено", "overdue"),
        ["dash.live"] = ("оновлюється наживо", "live"),
        ["dash.trend"] = ("Динаміка надходження", "Appeals over time"),
        ["dash.byCategory"] = ("За тематикою", "By topic"),
        ["dash.byChannel"] = ("За каналом", "By channel"),
        ["dash.byExecutor"] = ("За виконавцем", "By executor"),
        ["dash.byStatus"] = ("За станом", "By status"),
        ["dash.byDistrict"] = ("За районом", "By district"),
        ["dash.ratings"] = ("Оцінки заявників", "Applicants' ratings"),
        ["dash.none"] = ("Немає даних за період.", "No data for the period."),
        ["dash.appeals"] = ("звернень", "appeals"),
        ["dash.other"] = ("інші", "other"),
        ["gran.Day"] = ("дні", "days"),
        ["gran.Week"] = ("тижні", "weeks"),
        ["gran.Month"] = ("місяці", "months"),
        ["rating.title"] = ("Рейтинг виконавців", "Executor rating"),
        ["rating.day"] = ("День", "Day"),
        ["rating.window"] = ("Питання, закриті за {0} дн. до {1} включно; ваги версії від {2}.", "Questions closed in the {0} days up to {1}; weights in force from {2}."),
        ["rating.rank"] = ("Місце", "Rank"),
        ["rating.executor"] = ("Виконавець", "Executor"),
        ["rating.score"] = ("Бал", "Score"),
        ["rating.closed"] = ("Закрито", "Closed"),
        ["rating.onTime"] = ("Вчасно", "On time"),
        ["rating.executed"] = ("Виконано", "Executed"),
        ["rating.confirmed"] = ("Підтверджено", "Confirmed"),
        ["rating.execSpeed"] = ("Швидкість виконання", "Execution speed"),
        ["rating.explSpeed"] = ("Швидкість роз'яснення", "Explanation speed"),
        ["rating.satisfaction"] = ("Задоволеність", "Satisfaction"),
        ["rating.empty"] = ("Рейтинг ще не розраховано.", "The rating has not been computed yet."),
        ["rating.dynamics"] = ("Динаміка балу", "Score over time"),
        ["rating.weights"] = ("Ваги", "Weights"),
        ["rating.operators"] = ("Оператори", "Operators"),
        ["rating.operator"] = ("Оператор", "Operator"),
        ["rating.calls"] = ("Дзвінки", "Calls"),
        ["rating.registered"] = ("Зареєстровано звернень", "Appeals registered"),
        ["rating.consultations"] = ("Консультації", "Consultations"),
        ["spikes.title"] = ("Сплески звернень", "Spikes of appeals"),
        ["spikes.empty"] = ("Сплесків не виявлено.", "No spikes detected."),
        ["spikes.rule"] = ("Сплеск: за останні {0} год не менше {1} звернень і щонайменше в {2:0.#} раза більше, ніж зазвичай (середнє тих самих годин того ж дня тижня за {3} попередні тижні).", "A spike: at least {1} appeals in the last {0} hours and at least {2:0.#} times the usual (the mean of the same hours of the same weekday over the previous {3} weeks)."),
        ["spikes.detected"] = ("Виявлено", "Detected"),
        ["spikes.what"] = ("Де / що", "Where / what"),
        ["spikes.count"] = ("Звернень", "Appeals"),
        ["spikes.baseline"] = ("Зазвичай", "Usual"),
        ["spikes.appeals"] = ("Звернення", "Appeals"),
        ["spike.kind.Category"] = ("тематика", "topic"),
        ["spike.kind.District"] = ("район", "district"),
        ["spike.kind.Street"] = ("вулиця", "street"),
        ["weights.invalid"] = ("Ваги мають бути невід'ємними, а їх сума — більшою за нуль.", "Weights must not be negative and must add up to more than zero."),
        ["weights.past"] = ("Нова версія ваг діє з сьогодні або пізніше: минулі дні зберігають свої ваги.", "A new weights version starts today or later: past days keep their weights."),
        ["weights.exists"] = ("Версія ваг з {0} уже є.", "There is already a weights version from {0}."),
        ["reference.invalid"] = ("Еталонний час має бути більшим за нуль.", "The reference time must be more than zero."),
        ["menu.ratingSettings"] = ("Налаштування рейтингу", "Rating settings"),
        ["rating.tabExecutors"] = ("Виконавці", "Executors"),
        ["rating.settings"] = ("Ваги та еталонний час", "Weights and reference times"),
        ["rating.period"] = ("Операторів за період", "Operators in the period"),
        ["rating.opsEmpty"] = ("За період немає ні дзвінків, ні зареєстрованих звернень, ні консультацій.", "No calls, registered appeals or consultations in the period."),
        ["rating.total"] = ("Разом", "Total"),
        ["settings.title"] = ("Налаштування рейтингу виконавців", "Executor rating settings"),
        ["settings.current"] = ("Чинні ваги — версія з {0}", "Weights in force: the version from {0}"),
        ["settings.history"] = ("Версії ваг", "Weights versions"),
        ["settings.from"] = ("Діє з", "In force from"),
        ["settings.createdBy"] = ("Створив", "Created by"),
        ["settings.inForce"] = ("чинна", "in force"),
        ["settings.planned"] = ("запланована", "planned"),
        ["settings.new"] = ("Нова версія ваг", "New weights version"),
        ["settings.newHint"] = ("Ваги відносні: бал — зважене середнє тих складових, що мають дані, × 100. Нова версія діє з обраного дня (сьогодні або пізніше); минулі дні зберігають свої ваги.", "Weights are relative: the score is the weighted mean of the components that have data, × 100. A new version applies from the chosen day (today or later); past days keep their weights."),
        ["settings.create"] = ("Створити версію", "Create version"),
        ["settings.created"] = ("Версію ваг з {0} створено.", "The weights version from {0} is created."),
        ["settings.sum"] = ("Сума ваг: {0}", "Sum of the weights: {0}"),
        ["settings.reference"] = ("Еталонний час за категоріями", "Reference times by category"),
        ["settings.referenceHint"] = ("Години від реєстрації до позитивного результату (виконання) та до роз'яснення. Швидкість питання = еталон ÷ фактичний час, не більше 1. Без власного значення діє типове.", "Hours from registration to a positive result (execution) and to an explanation. A question's speed = reference ÷ actual time, at most 1. Without its own value the default applies."),
        ["settings.category"] = ("Категорія", "Category"),
        ["settings.execHours"] = ("Виконання, год", "Execution, h"),
        ["settings.explHours"] = ("Роз'яснення, год", "Explanation, h"),
        ["settings.default"] = ("типово", "default"),
        ["settings.days"] = ("{0:0.#} дн.", "{0:0.#} d"),
        ["settings.edit"] = ("Змінити", "Edit"),
        ["settings.save"] = ("Зберегти", "Save"),
        ["settings.cancel"] = ("Скасувати", "Cancel"),
        ["settings.saved"] = ("Еталонний час категорії «{0}» збережено.", "The reference times of «{0}» are saved."),
        ["settings.filter"] = ("Пошук категорії", "Find a category"),
        ["settings.recompute"] = ("Перерахунок рейтингу", "Recompute the rating"),
        ["settings.recomputeHint"] = ("Щогодини рейтинг за вчора й сьогодні перераховується сам. Після зміни ваг чи еталонного часу можна перерахувати день одразу.", "Every hour the rating of yesterday and today is recomputed anyway. After changing weights or reference times you may recompute a day at once."),
        ["settings.day"] = ("День", "Day"),
        ["settings.recomputeDo"] = ("Перерахувати", "Recompute"),
        ["settings.recomputed"] = ("Рейтинг за {0} перераховано: виконавців — {1}.", "The rating of {0} is recomputed: {1} executors."),
        ["settings.readOnly"] = ("Змінювати налаштування можуть начальник контакт-центру та адміністратор.", "The head of the contact centre and administrators may change the settings."),
        ["spikes.toList"] = ("Відкрити у списку звернень", "Open in the appeal list"),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
