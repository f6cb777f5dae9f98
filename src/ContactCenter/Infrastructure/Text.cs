using System.Collections.Frozen;
using System.Globalization;
using ContactCenter.Core.Appeals;

namespace ContactCenter.Infrastructure;

/// <summary>
/// User-facing messages in Ukrainian (default) and English, picked by the request culture.
/// One place for the wording so that the API, the console and the portal say the same thing.
/// </summary>
public static class Text
{
    private static readonly FrozenDictionary<string, (string Uk, string En)> Messages = new Dictionary<string, (string, string)>
    {
        // Address register and outages (issue 7).
        ["import.columns"] = ("Очікується 7 колонок через «;» (district;street_type;street;former_names;building;lat;lon), а є {0}.", "Expected 7 columns separated by ';' (district;street_type;street;former_names;building;lat;lon), found {0}."),
        ["import.streetRequired"] = ("Не вказано назву вулиці.", "The street name is missing."),
        ["import.streetType"] = ("Невідомий тип вулиці «{0}» (вулиця, проспект, провулок, площа, бульвар, узвіз …).", "Unknown street type '{0}' (вулиця, проспект, провулок, площа, бульвар, узвіз …)."),
        ["import.building"] = ("Некоректний номер будинку «{0}».", "Invalid building number '{0}'."),
        ["import.coordinatesPair"] = ("Координати вказують обидві: lat і lon.", "Give both lat and lon, or neither."),
        ["import.coordinates"] = ("Некоректні координати «{0}», «{1}» (десяткові числа з крапкою).", "Invalid coordinates '{0}', '{1}' (decimals with a dot)."),
        ["import.tooManyLines"] = ("Не більше {0} рядків за один імпорт.", "At most {0} lines per import."),
        ["import.tooLarge"] = ("Файл більший за {0} МБ.", "The file is larger than {0} MB."),
        ["address.notFound"] = ("Адресу {0} не знайдено в реєстрі.", "Address {0} is not in the register."),
        ["street.unknown"] = ("Вулиці з ідентифікатором {0} немає в реєстрі.", "There is no street {0} in the register."),
        ["street.notFound"] = ("Вулицю «{0}» не знайдено в реєстрі адрес.", "Street '{0}' is not in the address register."),
        ["street.ambiguous"] = ("Назві «{0}» відповідає кілька вулиць: вкажіть streetId.", "Several streets match '{0}': give streetId."),
        ["district.unknown"] = ("Району з ідентифікатором {0} немає.", "There is no district {0}."),
        ["outage.notFound"] = ("Відключення №{0} не знайдено.", "Outage {0} was not found."),
        ["outage.closed"] = ("Відключення №{0} уже закрито.", "Outage {0} is already closed."),
        ["outage.notYours"] = ("Відключення належить іншому виконавцю.", "The outage belongs to another executor."),
        ["outage.closeForbidden"] = ("Закрити відключення може його виконавець або начальник контакт-центру.", "Only the outage's executor or a supervisor may close it."),
        ["outage.endBeforeStart"] = ("Термін усунення має бути пізніше за початок.", "The expected end must be after the start."),
        ["outage.areasRequired"] = ("Вкажіть адреси, яких стосується відключення.", "Give the affected addresses."),
        ["outage.tooManyAreas"] = ("Не більше {0} адресних частин.", "At most {0} areas."),
        ["outage.rangeInvalid"] = ("Діапазон номерів: від 1, «від» не більше за «до».", "A number range starts at 1 and 'from' is not after 'to'."),
        ["outage.sideOdd"] = ("непарна сторона", "odd side"),
        ["outage.sideEven"] = ("парна сторона", "even side"),
        ["outage.areaDistrict"] = ("район {0}", "district {0}"),
        ["outage.reference"] = ("відключення №{0}", "outage #{0}"),
        ["error.validation"] = ("Дані заповнено з помилками", "One or more fields are invalid"),
        ["error.badRequest"] = ("Некоректний запит", "Bad request"),
        ["error.json"] = ("Некоректний формат даних (JSON) або значення поля", "Malformed JSON or an invalid value"),
        ["error.notFound"] = ("Не знайдено", "Not found"),
        ["error.forbidden"] = ("Доступ заборонено", "Forbidden"),
        ["error.conflict"] = ("Конфлікт зі станом звернення", "Conflict with the current state"),
        ["error.concurrency"] = ("Звернення щойно змінив інший користувач. Оновіть картку й повторіть дію.", "Someone else has just changed this appeal. Reload it and try again."),
        ["error.rule"] = ("Дію заборонено правилами розгляду звернень", "The operation is refused by the rules"),
        ["error.internal"] = ("Внутрішня помилка сервера", "Internal server error"),
        ["error.transitionRole"] = ("Ваша роль не дозволяє цю дію для звернення у стані «{0}».", "Your role may not do this to an appeal in state '{0}'."),
        ["error.transitionStatus"] = ("Ця дія неможлива для звернення у стані «{0}».", "This action is not possible for an appeal in state '{0}'."),
        // channels
        ["notification.template.unknown"] = ("Невідомий вид повідомлення «{0}».", "Unknown message kind '{0}'."),
        ["notification.template.number"] = ("Текст має містити {number} — реєстраційний номер звернення.", "The text must contain {number}, the registration number."),
        ["blocklist.kind.invalid"] = ("Вид блокування: phone, email або telegram.", "Kind must be phone, email or telegram."),
        ["blocklist.value.invalid"] = ("Некоректне значення для цього виду блокування.", "Invalid value for this kind."),
        ["blocklist.notFound"] = ("Блокування {0} не знайдено.", "Block {0} was not found."),
        ["call.notFound"] = ("Дзвінок {0} не знайдено.", "Call {0} was not found."),
        ["call.claimed"] = ("Цей пропущений дзвінок уже взяв інший оператор.", "Another operator has already taken this missed call."),
        ["call.notMissed"] = ("Це не пропущений вхідний дзвінок.", "This is not a missed inbound call."),
        ["cti.signature"] = ("Невірний підпис запиту.", "Invalid request signature."),
        ["cti.event.invalid"] = ("Подія: newCall, answer, hangup або recording.", "Event must be newCall, answer, hangup or recording."),
        ["cti.direction.invalid"] = ("Напрямок: in або out.", "Direction must be in or out."),
        ["cti.cause.invalid"] = ("Невідома причина завершення дзвінка.", "Unknown hang-up cause."),
        ["cti.originateFailed"] = ("АТС не прийняла запит на виклик.", "The PBX refused the call request."),
        ["call.noNumber"] = ("У дзвінка немає номера, на який можна передзвонити.", "The call has no number to call back."),
        ["email.draft.notFound"] = ("Чернетку листа {0} не знайдено.", "E-mail draft {0} was not found."),
        ["email.draft.notDraft"] = ("Цей лист не є чернеткою звернення.", "This e-mail is not a draft appeal."),
        ["cti.notConfigured"] = ("Телефонію не налаштовано.", "Telephony is not configured."),
        ["appeal.notFound"] = ("Звернення {0} не знайдено.", "Appeal {0} was not found."),
        ["appeal.noAccess"] = ("Звернення {0} не належить до вашої організації.", "Appeal {0} is not assigned to your organisation."),
        ["question.required"] = ("Звернення має кілька питань: вкажіть номер питання (?question=).", "The appeal has several questions: give ?question=."),
        ["question.notFound"] = ("Питання {0} у зверненні немає.", "The appeal has no question {0}."),
        ["applicant.hidden"] = ("Особу приховано на прохання заявника (ст. 10 Закону)", "Identity hidden at the applicant's request (Art. 10)"),
        ["field.required"] = ("Обов'язкове поле.", "This field is required."),
        ["field.tooLong"] = ("Не більше {0} символів.", "At most {0} characters."),
        ["applicant.fullName.required"] = ("Вкажіть прізвище, ім'я та по батькові заявника (ст. 5 Закону «Про звернення громадян»).", "Give the applicant's full name (Law on Citizens' Appeals, Art. 5)."),
        ["applicant.anonymous"] = ("Анонімні звернення не розглядаються (ст. 8 Закону «Про звернення громадян»). Заявнику можна надати консультацію.", "Anonymous appeals are not considered (Art. 8). The caller may still get a consultation."),
        ["applicant.address.required"] = ("Вкажіть місце проживання заявника (ст. 5 Закону).", "Give the applicant's place of residence (Art. 5)."),
        ["applicant.contact.required"] = ("Для електронного звернення вкажіть електронну пошту або інший засіб зв'язку (ст. 5 Закону).", "An electronic appeal needs an e-mail or another contact (Art. 5)."),
        ["applicant.phone.invalid"] = ("Некоректний номер телефону. Приклад: 050 123 45 67.", "Invalid phone number. Example: 050 123 45 67."),
        ["applicant.email.invalid"] = ("Некоректна адреса електронної пошти.", "Invalid e-mail address."),
        ["description.required"] = ("Викладіть суть звернення.", "Describe the substance of the appeal."),
        ["category.unknown"] = ("Невідома категорія «{0}».", "Unknown category '{0}'."),
        ["category.required"] = ("Оберіть категорію.", "Choose a category."),
        ["location.required"] = ("Для цієї категорії потрібна адреса проблеми.", "This category needs the address of the problem."),
        ["executor.unknown"] = ("Невідомий виконавець {0}.", "Unknown executor {0}."),
        ["reviewTrack.unknown"] = ("Невідомий строк розгляду «{0}».", "Unknown review track '{0}'."),
        ["receivedAt.future"] = ("Дата надходження не може бути в майбутньому.", "The received date cannot be in the future."),
        ["signatories.required"] = ("Для колективного звернення вкажіть кількість підписантів (не менше 2).", "A collective appeal needs the number of signatories (at least 2)."),
        ["complaint.contestedExecutor"] = ("Скаргу не можна направляти виконавцю, дії якого оскаржуються (ст. 7 Закону).", "A complaint cannot go to the executor whose actions it contests (Art. 7)."),
        ["questions.tooMany"] = ("Не більше {0} питань в одному зверненні.", "At most {0} questions in one appeal."),
        ["questions.mixed"] = ("Вкажіть або поле questions, або categoryCode/description, але не обидва.", "Give either questions or categoryCode/description, not both."),
        ["request.reason.required"] = ("Обґрунтуйте запит.", "Give a reason for the request."),
        ["request.workingDays.range"] = ("Продовження — від 1 до {0} робочих днів.", "An extension is 1 to {0} working days."),
        ["request.executor.required"] = ("Вкажіть нового виконавця.", "Name the new executor."),
        ["request.pending"] = ("Такий запит щодо цього питання вже очікує рішення.", "Such a request for this question is already pending."),
        ["request.notPending"] = ("Запит уже розглянуто.", "The request has already been decided."),
        ["request.notFound"] = ("Запит {0} не знайдено.", "Request {0} was not found."),
        ["request.decline.reason"] = ("Вкажіть причину відхилення.", "Give the reason for declining."),
        ["result.code.invalid"] = ("Результат виконавця: resolved, refused або explained.", "An executor's result is resolved, refused or explained."),
        ["rating.range"] = ("Оцінка — від 1 до 5.", "The rating is 1 to 5."),
        ["attachment.empty"] = ("Файл порожній або не передано.", "The file is empty or missing."),
        ["attachment.tooLarge"] = ("Файл завеликий: не більше {0} МБ.", "The file is too large: at most {0} MB."),
        ["attachment.type"] = ("Непідтримуваний тип файлу.", "Unsupported file type."),
        ["calendar.from.invalid"] = ("Вкажіть дату й час надходження (ISO 8601).", "Give the received date-time (ISO 8601)."),
        ["calendar.schedule.empty"] = ("Розклад має містити хоча б один робочий день.", "The schedule needs at least one working day."),
        ["calendar.period.order"] = ("Кінець періоду не може бути раніше початку.", "The end cannot be before the start."),
        ["reviewTrack.term"] = ("Строк — від 1 до {0} (ст. 20 Закону: не більше місяця).", "The term is 1 to {0} (Art. 20: at most a month)."),
        ["link.duplicate.closed"] = ("Звернення {0} вже закрите: нове звернення не є дублетним, позначте його як повторне (ст. 8 Закону).", "Appeal {0} is already closed: this is a repeated appeal, not a duplicate (Art. 8)."),
        ["apiKey.role"] = ("Невідома роль «{0}».", "Unknown role '{0}'."),
        // Consultations and the console (issue 3)
        ["consultation.topicLength"] = ("Тема — не довше {0} символів.", "The topic is at most {0} characters."),
        ["consultation.category"] = ("Невідома категорія «{0}».", "Unknown category '{0}'."),
        ["consultation.article"] = ("Статті {0} немає в базі знань.", "There is no knowledge-base article {0}."),
        ["call.unknown"] = ("Дзвінка «{0}» немає в журналі дзвінків.", "There is no call '{0}' in the call log."),
        ["apiKey.executor"] = ("Ключ виконавця має бути прив'язаний до організації.", "An executor key must be bound to an organisation."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<AppealStatus, (string Uk, string En)> Statuses = new Dictionary<AppealStatus, (string, string)>
    {
        [AppealStatus.Registered] = ("зареєстровано", "registered"),
        [AppealStatus.Assigned] = ("передано виконавцю", "assigned"),
        [AppealStatus.InProgress] = ("в роботі", "in progress"),
        [AppealStatus.ResultReported] = ("виконано, на перевірці", "result reported"),
        [AppealStatus.Closed] = ("закрито", "closed"),
        [AppealStatus.Rejected] = ("відмовлено", "rejected"),
        [AppealStatus.Forwarded] = ("надіслано за належністю", "forwarded"),
        [AppealStatus.Deferred] = ("відкладено (довгострокове)", "deferred"),
    }.ToFrozenDictionary();

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Get(string key, params object?[] args)
    {
        if (!Messages.TryGetValue(key, out var m))
            return key;
        var template = English ? m.En : m.Uk;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public static string Status(AppealStatus status) => English ? Statuses[status].En : Statuses[status].Uk;
}
