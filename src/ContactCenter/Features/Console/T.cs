using System.Collections.Frozen;
using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Features.Console;

/// <summary>The console's own words, Ukrainian and English (messages of the rules themselves come from <c>Infrastructure.Text</c>).</summary>
public static class T
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string S(string key, params object?[] args)
    {
        var text = Words.TryGetValue(key, out var w) ? (English ? w.En : w.Uk) : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    public static string Role(string role) => S("role." + role);

    public static string Status(AppealStatus status) => Infrastructure.Text.Status(status);

    public static string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        S(typeof(TEnum).Name + "." + value);

    /// <summary>Kyiv local time, as staff read it.</summary>
    public static string When(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } a ? TimeZoneInfo.ConvertTime(a, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    private static readonly FrozenDictionary<string, (string Uk, string En)> Words = new Dictionary<string, (string, string)>
    {
        ["app.title"] = ("Контакт-центр", "Contact Center"),
        ["logout"] = ("Вийти", "Sign out"),
        ["denied"] = ("Доступ заборонено.", "Access denied."),
        ["menu.register"] = ("Реєстрація звернення", "Register an appeal"),
        ["menu.inbox"] = ("Вхідні", "Inbox"),
        ["menu.approvals"] = ("Запити на погодження", "Approvals"),
        ["menu.admin"] = ("Адміністрування", "Administration"),
        ["menu.calendar"] = ("Робочий календар", "Working calendar"),
        ["menu.security"] = ("Безпека входу", "Sign-in security"),
        ["role.operator"] = ("оператор", "operator"),
        ["role.supervisor"] = ("начальник контакт-центру", "supervisor"),
        ["role.executor"] = ("виконавець", "executor"),
        ["role.executorStaff"] = ("працівник виконавця", "executor staff"),
        ["role.leadership"] = ("керівництво", "leadership"),
        ["role.administrator"] = ("адміністратор", "administrator"),
        ["role.integration"] = ("інтеграція", "integration"),
        ["role.none"] = ("без ролі", "no role"),

        ["login.title"] = ("Вхід до системи", "Sign in"),
        ["login.email"] = ("Електронна пошта", "Email"),
        ["login.password"] = ("Пароль", "Password"),
        ["login.submit"] = ("Увійти", "Sign in"),
        ["login.invalid"] = ("Невірна пошта або пароль.", "Wrong email or password."),
        ["login.locked"] = ("Обліковий запис тимчасово заблоковано через невдалі спроби входу. Спробуйте через 15 хвилин.", "The account is locked after failed attempts. Try again in 15 minutes."),
        ["twofa.title"] = ("Другий фактор", "Second factor"),
        ["twofa.hint"] = ("Введіть шестизначний код із застосунку-автентифікатора або один із кодів відновлення.", "Enter the six-digit code from your authenticator app or one of your recovery codes."),
        ["twofa.code"] = ("Код", "Code"),
        ["twofa.submit"] = ("Підтвердити", "Verify"),
        ["twofa.invalid"] = ("Невірний код.", "Wrong code."),
        ["enrol.title"] = ("Підключення другого фактора", "Set up the second factor"),
        ["enrol.hint"] = ("Відскануйте QR-код застосунком-автентифікатором (Google Authenticator, Microsoft Authenticator, FreeOTP) і введіть код, який він покаже.", "Scan the QR code with an authenticator app and enter the code it shows."),
        ["enrol.qr"] = ("QR-код для застосунку-автентифікатора", "QR code for the authenticator app"),
        ["enrol.key"] = ("Або введіть ключ вручну:", "Or enter the key by hand:"),
        ["enrol.submit"] = ("Підключити", "Enable"),
        ["enrol.done"] = ("Другий фактор підключено. Збережіть коди відновлення в надійному місці — кожен можна використати один раз.", "The second factor is on. Keep these recovery codes safe — each works once."),
        ["enrol.recovery"] = ("Коди відновлення", "Recovery codes"),
        ["enrol.continue"] = ("Продовжити роботу", "Continue"),
        ["security.enrolHint"] = ("Новий телефон? Відкрийте сторінку підключення і відскануйте QR-код ще раз.", "New phone? Open the set-up page and scan the QR code again."),
        ["security.enrol"] = ("Підключити автентифікатор", "Set up authenticator"),
        ["security.everywhereHint"] = ("Завершити всі сеанси на всіх пристроях (наприклад, якщо пароль міг потрапити до сторонніх).", "End every session on every device."),
        ["security.everywhere"] = ("Вийти на всіх пристроях", "Sign out everywhere"),

        ["reg.title"] = ("Реєстрація звернення", "Register an appeal"),
        ["reg.phone"] = ("Телефон заявника", "Applicant's phone"),
        ["reg.name"] = ("ПІБ заявника", "Applicant's full name"),
        ["reg.address"] = ("Адреса проживання", "Residence address"),
        ["reg.category"] = ("Категорія (почніть вводити)", "Category (start typing)"),
        ["reg.place"] = ("Адреса проблеми", "Address of the problem"),
        ["reg.description"] = ("Суть звернення", "Substance"),
        ["reg.kind"] = ("Вид", "Kind"),
        ["reg.channel"] = ("Канал", "Channel"),
        ["reg.save"] = ("Зареєструвати (Ctrl+Enter)", "Register (Ctrl+Enter)"),
        ["reg.new"] = ("Нове звернення", "New appeal"),
        ["reg.number"] = ("Реєстраційний номер", "Registration number"),
        ["reg.dictate"] = ("Продиктуйте номер заявникові", "Dictate the number to the caller"),
        ["reg.routing"] = ("Маршрут", "Routing"),
        ["reg.executor"] = ("Виконавець", "Executor"),
        ["reg.track"] = ("Строк розгляду", "Review track"),
        ["reg.due"] = ("Граничний строк", "Deadline"),
        ["reg.noExecutor"] = ("не визначено — призначить начальник", "not determined — the supervisor assigns"),
        ["reg.history"] = ("Звернення з цього телефону", "Appeals from this phone"),
        ["reg.noHistory"] = ("Раніше не звертався", "No earlier appeals"),
        ["reg.errors"] = ("Виправте поля, позначені червоним.", "Fix the fields marked in red."),
        ["reg.open"] = ("Відкрити картку", "Open the card"),

        ["card.title"] = ("Звернення {0}", "Appeal {0}"),
        ["card.applicant"] = ("Заявник", "Applicant"),
        ["card.received"] = ("Надійшло", "Received"),
        ["card.due"] = ("Граничний строк", "Deadline"),
        ["card.overdue"] = ("Прострочене", "Overdue"),
        ["card.question"] = ("Питання {0}", "Question {0}"),
        ["card.category"] = ("Категорія", "Category"),
        ["card.place"] = ("Місце", "Place"),
        ["card.executor"] = ("Виконавець", "Executor"),
        ["card.assignee"] = ("Конкретний виконавець", "Assignee"),
        ["card.result"] = ("Результат", "Result"),
        ["card.timeline"] = ("Хронологія", "Timeline"),
        ["card.comments"] = ("Коментарі", "Comments"),
        ["card.comment"] = ("Новий коментар", "New comment"),
        ["card.commentPublic"] = ("Видимий заявникові", "Visible to the applicant"),
        ["card.addComment"] = ("Додати коментар", "Add comment"),
        ["card.attachments"] = ("Вкладення", "Attachments"),
        ["card.upload"] = ("Завантажити файл", "Upload a file"),
        ["card.actions"] = ("Дії", "Actions"),
        ["card.noActions"] = ("Зараз для вас немає дій за цим питанням.", "No actions for you on this question now."),
        ["card.phone"] = ("Телефон", "Phone"),
        ["card.email"] = ("Пошта", "Email"),
        ["card.address"] = ("Адреса", "Address"),
        ["card.privilege"] = ("Пільгова категорія", "Privilege category"),
        ["card.channel"] = ("Канал", "Channel"),
        ["card.kind"] = ("Вид", "Kind"),
        ["card.track"] = ("Строк розгляду", "Review track"),
        ["card.status"] = ("Стан", "Status"),
        ["card.extended"] = ("Продовжено на {0} роб. дн.", "Extended by {0} working days"),
        ["card.reason"] = ("Обґрунтування", "Reason"),
        ["card.text"] = ("Текст", "Text"),
        ["card.resultCode"] = ("Результат розгляду", "Outcome"),
        ["card.days"] = ("Робочих днів", "Working days"),
        ["card.legalBasis"] = ("Правова підстава", "Legal basis"),
        ["card.forwardBody"] = ("Орган, куди надіслано", "Body forwarded to"),
        ["card.confirmed"] = ("Заявник підтвердив виконання", "The applicant confirms"),
        ["card.rating"] = ("Оцінка (1–5)", "Rating (1–5)"),
        ["card.send"] = ("Виконати", "Do it"),
        ["card.cancel"] = ("Скасувати", "Cancel"),
        ["card.done"] = ("Готово", "Done"),
        ["card.live"] = ("Картка оновилася: {0}", "The card was updated: {0}"),
        ["card.requests"] = ("Запити виконавця", "Executor requests"),

        ["action.Accept"] = ("Прийняти до виконання", "Accept"),
        ["action.ReportResult"] = ("Звітувати про результат", "Report the result"),
        ["action.ConfirmResult"] = ("Перевірка: підтвердити", "Verification: confirm"),
        ["action.RejectResult"] = ("Перевірка: на доопрацювання", "Verification: rework"),
        ["action.CloseUnverified"] = ("Закрити без перевірки", "Close unverified"),
        ["action.Answer"] = ("Відповісти (роз'яснено)", "Answer (explained)"),
        ["action.Forward"] = ("Надіслати за належністю", "Forward"),
        ["action.Reject"] = ("Відмовити в розгляді", "Reject"),
        ["action.RequestExtend"] = ("Запит на продовження строку", "Request an extension"),
        ["action.RequestReassign"] = ("Запит на перепризначення", "Request reassignment"),
        ["action.Assign"] = ("Передати виконавцю", "Assign"),
        ["action.Reassign"] = ("Перепризначити", "Reassign"),
        ["action.Defer"] = ("Запит на перенесення в план", "Request deferral"),
        ["action.AdditionalControl"] = ("Запит на додатковий контроль", "Request additional control"),

        ["history.registered"] = ("Зареєстровано", "Registered"),
        ["history.assigned"] = ("Передано виконавцю", "Assigned"),
        ["history.reassigned"] = ("Перепризначено", "Reassigned"),
        ["history.accepted"] = ("Прийнято до виконання", "Accepted"),
        ["history.resultReported"] = ("Звіт про результат", "Result reported"),
        ["history.verified"] = ("Виконання підтверджено", "Verified"),
        ["history.returnedForRework"] = ("На доопрацювання", "Returned for rework"),
        ["history.answered"] = ("Надано відповідь", "Answered"),
        ["history.forwarded"] = ("Надіслано за належністю", "Forwarded"),
        ["history.rejected"] = ("Відмовлено в розгляді", "Rejected"),
        ["history.comment"] = ("Коментар", "Comment"),
        ["history.publicComment"] = ("Коментар для заявника", "Public comment"),
        ["history.request.extend"] = ("Запит на продовження строку", "Extension requested"),
        ["history.request.reassign"] = ("Запит на перепризначення", "Reassignment requested"),
        ["history.request.defer"] = ("Запит на перенесення в план", "Deferral requested"),
        ["history.request.additionalcontrol"] = ("Запит на додатковий контроль", "Additional control requested"),
        ["history.request.extend.approved"] = ("Продовження строку погоджено", "Extension approved"),
        ["history.request.extend.declined"] = ("Продовження строку відхилено", "Extension declined"),
        ["history.request.reassign.approved"] = ("Перепризначення погоджено", "Reassignment approved"),
        ["history.request.reassign.declined"] = ("Перепризначення відхилено", "Reassignment declined"),
        ["inbox.title"] = ("Вхідні", "Inbox"),
        ["inbox.new"] = ("Нові", "New"),
        ["inbox.inWork"] = ("В роботі", "In work"),
        ["inbox.dueSoon"] = ("Строк спливає", "Due soon"),
        ["inbox.overdue"] = ("Прострочені", "Overdue"),
        ["inbox.rework"] = ("На доопрацюванні", "Returned for rework"),
        ["inbox.empty"] = ("Немає звернень.", "No appeals."),
        ["inbox.privileged"] = ("пільговик", "privileged"),
        ["col.number"] = ("Номер", "Number"),
        ["col.received"] = ("Надійшло", "Received"),
        ["col.due"] = ("Строк", "Deadline"),
        ["col.status"] = ("Стан", "Status"),
        ["col.category"] = ("Категорія", "Category"),
        ["col.applicant"] = ("Заявник", "Applicant"),
        ["col.description"] = ("Суть", "Substance"),
        ["col.executor"] = ("Виконавець", "Executor"),
        ["col.type"] = ("Запит", "Request"),
        ["col.reason"] = ("Обґрунтування", "Reason"),
        ["col.by"] = ("Хто", "By"),

        ["appr.title"] = ("Запити на погодження", "Approvals"),
        ["appr.approve"] = ("Погодити", "Approve"),
        ["appr.decline"] = ("Відхилити", "Decline"),
        ["appr.declineReason"] = ("Причина відхилення", "Reason for declining"),
        ["appr.empty"] = ("Запитів немає.", "Nothing to approve."),
        ["appr.approved"] = ("Погоджено", "Approved"),
        ["appr.declined"] = ("Відхилено", "Declined"),

        ["cal.title"] = ("Робочий календар", "Working calendar"),
        ["cal.transfers"] = ("Перенесені дні", "Transferred days"),
        ["cal.date"] = ("Дата", "Date"),
        ["cal.isWorking"] = ("Робочий день", "Working day"),
        ["cal.worksAs"] = ("Працює як", "Works as"),
        ["cal.comment"] = ("Коментар", "Comment"),
        ["cal.add"] = ("Додати перенесення", "Add transfer"),
        ["cal.preview"] = ("Перевірка строку", "Deadline preview"),
        ["cal.from"] = ("Надійшло", "Received"),
        ["cal.previewDue"] = ("Граничний строк", "Deadline"),
        ["cal.dayOff"] = ("вихідний", "day off"),
        ["cal.working"] = ("робочий", "working"),

        ["AppealKind.Proposal"] = ("пропозиція", "proposal"),
        ["AppealKind.Application"] = ("заява", "application"),
        ["AppealKind.Complaint"] = ("скарга", "complaint"),
        ["Channel.Phone"] = ("телефон", "phone"),
        ["Channel.Email"] = ("електронна пошта", "email"),
        ["Channel.Web"] = ("портал", "web portal"),
        ["Channel.Telegram"] = ("Telegram", "Telegram"),
        ["Channel.PersonalReception"] = ("особистий прийом", "personal reception"),
        ["Channel.Written"] = ("письмово", "written"),
        ["Channel.SocialMedia"] = ("соцмережі", "social media"),
        ["Channel.VideoSurveillance"] = ("відеоспостереження", "video surveillance"),
        ["Channel.UnifiedSystem"] = ("Єдина система (1545)", "Unified System"),
        ["Channel.Other"] = ("інше", "other"),
        ["ResultCode.Resolved"] = ("вирішено позитивно", "resolved"),
        ["ResultCode.Refused"] = ("відмовлено", "refused"),
        ["ResultCode.Explained"] = ("роз'яснено", "explained"),
        ["ResultCode.Forwarded"] = ("надіслано за належністю", "forwarded"),
        ["ResultCode.Returned"] = ("повернуто заявнику", "returned"),
        ["ResultCode.Terminated"] = ("припинено розгляд", "terminated"),
        ["ExecutorRequestType.Reassign"] = ("перепризначення", "reassign"),
        ["ExecutorRequestType.Extend"] = ("продовження строку", "extension"),
        ["ExecutorRequestType.Defer"] = ("перенесення в план", "deferral"),
        ["ExecutorRequestType.AdditionalControl"] = ("додатковий контроль", "additional control"),
        ["ExecutorRequestStatus.Pending"] = ("очікує", "pending"),
        ["ExecutorRequestStatus.Approved"] = ("погоджено", "approved"),
        ["ExecutorRequestStatus.Declined"] = ("відхилено", "declined"),
    }.ToFrozenDictionary();

    /// <summary>The first message of every field error, keyed by field, for showing next to the input.</summary>
    public static Dictionary<string, string> FieldErrors(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(kv => kv.Key, kv => string.Join(" ", kv.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>A timeline line's action in words; unknown actions stay as they are.</summary>
    public static string History(string action) => Words.ContainsKey("history." + action) ? S("history." + action) : action;

    public static string Executor(ExecutorRef? e) => e?.Name ?? "—";
}
