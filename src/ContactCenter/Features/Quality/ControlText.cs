using System.Collections.Frozen;
using System.Globalization;
using ContactCenter.Features.Console;

namespace ContactCenter.Features.Quality;

/// <summary>The control screens' words (supervisor decisions, law timers, screening terms), Ukrainian and English.</summary>
public static class ControlText
{
    public static string S(string key, params object?[] args)
    {
        var text = Words.TryGetValue(key, out var w) ? (T.English ? w.En : w.Uk) : T.S(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private static readonly FrozenDictionary<string, (string Uk, string En)> Words = new Dictionary<string, (string, string)>
    {
        ["menu.decisions"] = ("Рішення керівника", "Supervisor decisions"),
        ["menu.terms"] = ("Мова ворожнечі: слова", "Hate-speech terms"),

        ["decisions.title"] = ("Рішення керівника після доопрацювань", "Supervisor decisions after rework"),
        ["decisions.lead"] = ("Заявник не підтвердив виконання після {0} доопрацювань. Поверніть питання виконавцю ще раз або закрийте його своїм рішенням; причина обов'язкова й потрапляє в історію звернення.",
            "The applicant did not confirm the result after {0} reworks. Send the question back to the executor once more or close it by your decision; the reason is required and goes into the appeal's history."),
        ["decisions.empty"] = ("Немає питань, що чекають рішення.", "No question is waiting for a decision."),
        ["decisions.question"] = ("питання {0}", "question {0}"),
        ["decisions.reworks"] = ("доопрацювань: {0}", "reworks: {0}"),
        ["decisions.since"] = ("чекає з {0}", "waiting since {0}"),
        ["decisions.received"] = ("Надійшло", "Received"),
        ["decisions.category"] = ("Категорія", "Category"),
        ["decisions.executor"] = ("Виконавець", "Executor"),
        ["decisions.result"] = ("Останній результат", "Latest result"),
        ["decisions.applicant"] = ("Відповідь заявника", "Applicant's answer"),
        ["decisions.notConfirmed"] = ("не підтверджено", "not confirmed"),
        ["decisions.rating"] = ("оцінка {0} з 5", "rating {0} of 5"),
        ["decisions.history"] = ("Хід доопрацювань", "Rework history"),
        ["decisions.rework"] = ("Повернути на доопрацювання", "Send back for rework"),
        ["decisions.close"] = ("Закрити рішенням керівника", "Close by supervisor's decision"),
        ["decisions.reason"] = ("Причина рішення", "Reason for the decision"),
        ["decisions.reasonHint"] = ("Обов'язково: її побачать виконавець і заявник.", "Required: the executor and the applicant will see it."),
        ["decisions.confirm"] = ("Підтвердити рішення", "Confirm decision"),
        ["decisions.cancel"] = ("Скасувати", "Cancel"),
        ["decisions.doneRework"] = ("Повернуто виконавцю на доопрацювання.", "Sent back to the executor for rework."),
        ["decisions.doneClose"] = ("Закрито рішенням керівника.", "Closed by the supervisor's decision."),
        ["decisions.card"] = ("Заявник не підтвердив виконання після {0} доопрацювань: потрібне рішення керівника.", "The applicant did not confirm the result after {0} reworks: the supervisor decides."),
        ["step.resultReported"] = ("Виконавець повідомив результат", "Executor reported the result"),
        ["step.returnedForRework"] = ("Не підтверджено — на доопрацювання", "Not confirmed — back for rework"),
        ["step.supervisorDecisionRequested"] = ("Не підтверджено — до керівника", "Not confirmed — to the supervisor"),

        ["timers.title"] = ("Строки повідомлень заявнику", "Notice limits"),
        ["timers.R2.running"] = ("Повернуто заявнику: залишилось {0} з {1} днів, щоб повідомлення дійшло", "Returned to the applicant: {0} of {1} days left for the notice to reach them"),
        ["timers.R6.running"] = ("Надіслано за належністю: залишилось {0} з {1} днів, щоб повідомити заявника", "Forwarded: {0} of {1} days left to tell the applicant"),
        ["timers.R2.lastDay"] = ("Повернуто заявнику: сьогодні останній день, щоб повідомлення дійшло (до {0})", "Returned to the applicant: today is the last day for the notice (until {0})"),
        ["timers.R6.lastDay"] = ("Надіслано за належністю: сьогодні останній день, щоб повідомити заявника (до {0})", "Forwarded: today is the last day to tell the applicant (until {0})"),
        ["timers.R8.running"] = ("Продовження строку: повідомити заявника до {0}", "Extension: tell the applicant before {0}"),
        ["timers.R2.sent"] = ("Повернуто заявнику: повідомлено {0}", "Returned to the applicant: told on {0}"),
        ["timers.R6.sent"] = ("Надіслано за належністю: заявника повідомлено {0}", "Forwarded: the applicant was told on {0}"),
        ["timers.R8.sent"] = ("Продовження строку: заявника повідомлено {0}", "Extension: the applicant was told on {0}"),
        ["timers.R2.overdue"] = ("Повернуто заявнику: строк {0} днів минув {1} — {2}", "Returned to the applicant: the {0}-day limit passed on {1} — {2}"),
        ["timers.R6.overdue"] = ("Надіслано за належністю: строк {0} днів минув {1} — {2}", "Forwarded: the {0}-day limit passed on {1} — {2}"),
        ["timers.R8.overdue"] = ("Продовження строку: заявника треба було повідомити до {1} — {2}", "Extension: the applicant had to be told before {1} — {2}"),
        ["timers.R2.problem"] = ("Повернуто заявнику: {2}; строк — до {1}", "Returned to the applicant: {2}; limit {1}"),
        ["timers.R6.problem"] = ("Надіслано за належністю: {2}; строк — до {1}", "Forwarded: {2}; limit {1}"),
        ["timers.R8.problem"] = ("Продовження строку: {2}; строк — до {1}", "Extension: {2}; limit {1}"),
        ["timers.law.R2"] = ("ст. 5 Закону: повернути з роз'ясненням не пізніше 10 днів від надходження", "Art. 5: return with an explanation within 10 days of receipt"),
        ["timers.law.R6"] = ("ст. 7 Закону: повідомити заявника протягом 5 днів", "Art. 7: tell the applicant within 5 days"),
        ["timers.law.R8"] = ("ст. 20 Закону: повідомити до закінчення попереднього строку", "Art. 20: tell the applicant before the old deadline"),
        ["NoticeState.Pending"] = ("у черзі на надсилання", "queued"),
        ["NoticeState.Missing"] = ("повідомлення ще не створено", "no notice yet"),
        ["NoticeState.Late"] = ("повідомлення не надіслано", "the notice was not sent"),
        ["NoticeState.Failed"] = ("не вдалося доставити — надішліть поштою або зателефонуйте", "delivery failed — send by post or call"),
        ["NoticeState.NoContact"] = ("немає електронних контактів — надішліть поштою", "no electronic contact — send by post"),
        ["NoticeState.SentLate"] = ("надіслано із запізненням", "sent late"),
        ["NoticeState.Sent"] = ("надіслано", "sent"),
        ["timers.escalated"] = ("керівника повідомлено", "supervisor told"),

        ["digest.lawTimers"] = ("Повідомлення заявникам за законом (R2 — повернення, R6 — пересилання)", "Notices the law requires (R2 — return, R6 — forwarding)"),
        ["digest.lawTimers.short"] = ("повідомлень за законом", "law notices"),
        ["digest.rule"] = ("Правило", "Rule"),
        ["digest.limit"] = ("Строк", "Limit"),
        ["digest.state"] = ("Стан", "State"),

        ["terms.title"] = ("Мова ворожнечі: слова для затримання", "Hate-speech terms"),
        ["terms.lead"] = ("Текст із порталу, пошти чи бота, у якому слово з цього переліку стоїть на початку слова (у будь-якому відмінку й регістрі), не реєструється, а чекає рішення оператора на сторінці «Затримані звернення».",
            "A text from the portal, e-mail or the bot with one of these terms at the start of a word (any case or ending) is not registered but waits for an operator on the «Held intake» page."),
        ["terms.term"] = ("Слово або його початок", "Term or its stem"),
        ["terms.add"] = ("Додати", "Add"),
        ["terms.added"] = ("Додано: {0}", "Added: {0}"),
        ["terms.removed"] = ("Вилучено: {0}", "Removed: {0}"),
        ["terms.remove"] = ("Вилучити", "Remove"),
        ["terms.confirmRemove"] = ("Вилучити «{0}» з переліку?", "Remove «{0}» from the list?"),
        ["terms.author"] = ("Хто додав", "Added by"),
        ["terms.when"] = ("Коли", "When"),
        ["terms.configured"] = ("з конфігурації сервера", "server configuration"),
        ["terms.configuredHint"] = ("змінюється лише в налаштуваннях", "changed only in the settings"),
        ["terms.empty"] = ("Перелік порожній: жоден текст не затримується.", "The list is empty: no text is held."),
        ["terms.count"] = ("Слів у переліку: {0}", "Terms in the list: {0}"),

        ["held.files"] = ("Вкладення", "Attachments"),
        ["held.filesKept"] = ("буде додано до звернення", "will be attached to the appeal"),
    }.ToFrozenDictionary();
}
