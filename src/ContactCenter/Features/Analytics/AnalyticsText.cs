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
        ["dash.rework"] = ("На доопрацюванні", "Returned for rework"),
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
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
