using System.Collections.Frozen;
using System.Globalization;

namespace ContactCenter.Features.Portal;

/// <summary>
/// The portal's own words, Ukrainian (default) and English by the request culture. Messages shared with the API
/// (the law's required data, phone and e-mail checks) come from <see cref="Infrastructure.Text"/>.
/// </summary>
public static class PortalText
{
    private static readonly FrozenDictionary<string, (string Uk, string En)> Messages = new Dictionary<string, (string, string)>
    {
        ["site.title"] = ("Звернення громадян", "Citizens' appeals"),
        ["skip"] = ("Перейти до змісту", "Skip to content"),
        ["nav.label"] = ("Основне меню", "Main menu"),
        ["nav.home"] = ("Головна", "Home"),
        ["nav.submit"] = ("Подати звернення", "Submit an appeal"),
        ["nav.track"] = ("Стан звернення", "Track an appeal"),
        ["nav.faq"] = ("Питання-відповідь", "Questions and answers"),
        ["nav.contacts"] = ("Прийом і контакти", "Reception and contacts"),
        ["nav.outages"] = ("Відключення", "Outages"),
        ["outages.lead"] = ("Аварійні та планові відключення води, тепла, світла, газу й ремонтні роботи в громаді.", "Emergency and planned outages of water, heating, electricity, gas, and repair works in the community."),
        ["outages.search"] = ("Ваша адреса (вулиця й номер будинку)", "Your address (street and building number)"),
        ["outages.at"] = ("Адреса: {0}.", "Address: {0}."),
        ["outages.unknownAddress"] = ("Адресу не знайдено в адресному реєстрі громади.", "The address is not in the community's register."),
        ["outages.none"] = ("Зараз відключень немає.", "There are no outages now."),
        ["outage.planned"] = ("планові роботи", "planned works"),
        ["outage.emergency"] = ("аварійне", "emergency"),
        ["outage.status"] = ("Стан", "Status"),
        ["outage.status.Planned"] = ("заплановано", "planned"),
        ["outage.status.Active"] = ("триває", "in progress"),
        ["outage.status.Closed"] = ("завершено", "finished"),
        ["outage.start"] = ("Початок", "Start"),
        ["outage.end"] = ("Орієнтовне завершення", "Expected end"),
        ["outage.consequences"] = ("Наслідки для мешканців", "Consequences for residents"),
        ["outage.causes"] = ("Причини", "Causes"),
        ["outage.executor"] = ("Виконавець", "Executor"),
        ["outage.areas"] = ("Адреси", "Addresses"),
        ["outage.lastUpdate"] = ("Оновлено", "Updated"),
        ["outage.type.Water"] = ("Холодна вода", "Water"),
        ["outage.type.Heating"] = ("Опалення", "Heating"),
        ["outage.type.HotWater"] = ("Гаряча вода", "Hot water"),
        ["outage.type.Electricity"] = ("Електроенергія", "Electricity"),
        ["outage.type.Gas"] = ("Газ", "Gas"),
        ["outage.type.Sewerage"] = ("Водовідведення", "Sewerage"),
        ["outage.type.Roads"] = ("Дороги", "Roads"),
        ["outage.type.Other"] = ("Інше", "Other"),
        ["lang.other"] = ("English", "Українська"),
        ["lang.otherCode"] = ("en", "uk-UA"),
        ["lang.otherLang"] = ("en", "uk"),
        ["footer.api"] = ("Документація API", "API documentation"),
        ["footer.open311"] = ("Open311 для розробників", "Open311 for developers"),
        ["footer.law"] = ("Звернення розглядаються відповідно до Закону України «Про звернення громадян».", "Appeals are considered under the Law of Ukraine «On Citizens' Appeals»."),
        ["home.lead"] = ("Повідомте про проблему в громаді, поставте питання або внесіть пропозицію — звернення зареєструють і передадуть відповідальним виконавцям.", "Report a problem in the community, ask a question or make a proposal: your appeal is registered and passed to those responsible."),
        ["home.submit.text"] = ("Опишіть проблему, додайте адресу й фото.", "Describe the problem, add the address and photos."),
        ["home.track.text"] = ("За номером звернення й телефоном або за приватним посиланням.", "By the registration number and phone, or by your private link."),
        ["home.faq.text"] = ("Відповіді на часті запитання мешканців.", "Answers to residents' frequent questions."),
        ["home.contacts.text"] = ("Графік особистого прийому посадових осіб, телефон і адреса контакт-центру.", "Officials' reception schedule; the contact centre's phone and address."),
        ["home.call"] = ("Телефон контакт-центру", "Contact centre phone"),
        ["submit.lead"] = ("Поля з позначкою * обов'язкові. Закон не дозволяє розглядати анонімні звернення, тому вкажіть ім'я та адресу проживання.", "Fields marked * are required. The law does not allow anonymous appeals, so give your name and address."),
        ["submit.problem"] = ("Про проблему", "The problem"),
        ["submit.applicant"] = ("Про вас", "About you"),
        ["submit.button"] = ("Надіслати звернення", "Send the appeal"),
        ["f.category"] = ("Тема звернення", "Topic"),
        ["f.category.choose"] = ("— оберіть тему —", "— choose a topic —"),
        ["f.category.other"] = ("Інші теми", "Other topics"),
        ["f.description"] = ("Суть звернення", "Substance of the appeal"),
        ["f.description.hint"] = ("Що сталося, де саме і відколи. До 8000 символів.", "What happened, where exactly and since when. Up to 8000 characters."),
        ["f.problemAddress"] = ("Адреса, де виникла проблема", "Address of the problem"),
        ["f.problemAddress.hint"] = ("Вулиця та номер будинку. Під час введення з'являться підказки з адресного реєстру.", "Street and building number. Suggestions from the address register appear as you type."),
        ["f.photos"] = ("Фото", "Photos"),
        ["f.photos.hint"] = ("До {0} файлів, кожен до {1} МБ: JPEG, PNG, WebP або GIF.", "Up to {0} files, each up to {1} MB: JPEG, PNG, WebP or GIF."),
        ["f.fullName"] = ("Прізвище, ім'я та по батькові", "Full name"),
        ["f.phone"] = ("Телефон", "Phone"),
        ["f.phone.hint"] = ("Наприклад, 050 123 45 67. Потрібен, щоб перевіряти стан звернення.", "For example 050 123 45 67. Needed to track the appeal."),
        ["f.email"] = ("Електронна пошта", "E-mail"),
        ["f.email.hint"] = ("Необов'язково: на неї надійде відповідь.", "Optional: the answer is sent there."),
        ["f.address"] = ("Місце проживання (адреса)", "Place of residence (address)"),
        ["f.collective"] = ("Колективне звернення (від кількох мешканців)", "Collective appeal (from several residents)"),
        ["f.signatories"] = ("Кількість підписантів", "Number of signatories"),
        ["f.consent"] = ("Я прочитав(-ла) повідомлення про обробку персональних даних і даю згоду на їх обробку", "I have read the personal data notice and consent to the processing"),
        ["f.website"] = ("Не заповнюйте це поле", "Leave this field empty"),
        ["f.required"] = ("обов'язкове", "required"),
        ["privacy.title"] = ("Повідомлення про обробку персональних даних", "Personal data notice"),
        ["privacy.text"] = ("Відповідно до Закону України «Про захист персональних даних» ваші ім'я, адреса, телефон і електронна пошта обробляються виконавчим комітетом громади лише для розгляду цього звернення та відповіді на нього (ст. 5 Закону України «Про звернення громадян»). Дані передаються лише виконавцям, яким доручено розгляд, зберігаються протягом строку, визначеного законодавством про архівну справу, і не оприлюднюються. Ви маєте право знати, хто обробляє ваші дані, вимагати їх виправлення чи видалення та звертатися до Уповноваженого Верховної Ради України з прав людини.", "Under the Law of Ukraine «On Personal Data Protection» your name, address, phone and e-mail are processed by the community's executive committee only to consider and answer this appeal (Law «On Citizens' Appeals», Art. 5). They go only to the executors who consider it, are kept for the period set by archival law and are never published. You may learn who processes your data, ask to correct or delete it, and complain to the Ombudsman."),
        ["err.summary"] = ("Звернення не надіслано. Виправте, будь ласка:", "The appeal was not sent. Please correct:"),
        ["err.category"] = ("Оберіть тему звернення.", "Choose a topic."),
        ["err.problemAddress"] = ("Вкажіть адресу, де виникла проблема.", "Give the address of the problem."),
        ["err.phone"] = ("Вкажіть номер телефону, наприклад 050 123 45 67.", "Give a phone number, for example 050 123 45 67."),
        ["err.consent"] = ("Потрібна ваша згода на обробку персональних даних.", "Your consent to the processing of personal data is required."),
        ["err.photos.count"] = ("Можна додати не більше {0} фото.", "At most {0} photos."),
        ["err.photo.size"] = ("Файл «{0}» завеликий: не більше {1} МБ.", "File '{0}' is too large: at most {1} MB."),
        ["err.photo.type"] = ("Файл «{0}» не є фотографією (JPEG, PNG, WebP або GIF).", "File '{0}' is not a photo (JPEG, PNG, WebP or GIF)."),
        ["err.signatories"] = ("Для колективного звернення вкажіть кількість підписантів (щонайменше 2).", "A collective appeal needs the number of signatories (at least 2)."),
        ["err.spam"] = ("Звернення не прийнято: форму заповнено автоматично.", "The appeal was not accepted: the form was filled in automatically."),
        ["err.rate"] = ("Забагато спроб з вашої адреси. Спробуйте, будь ласка, за кілька хвилин або зателефонуйте до контакт-центру.", "Too many attempts from your address. Please try again in a few minutes or call the contact centre."),
        ["done.title"] = ("Звернення зареєстровано", "Your appeal is registered"),
        ["done.number"] = ("Реєстраційний номер", "Registration number"),
        ["done.deadline"] = ("Відповідь буде надано до", "You will get an answer by"),
        ["done.link"] = ("Ваше приватне посилання для перевірки стану", "Your private link to track the appeal"),
        ["done.linkHint"] = ("Збережіть номер і посилання. Не передавайте посилання іншим: за ним видно хід розгляду вашого звернення.", "Keep the number and the link. Do not share the link: it shows how your appeal is handled."),
        ["track.lead"] = ("Введіть реєстраційний номер і телефон, вказаний у зверненні.", "Enter the registration number and the phone given in the appeal."),
        ["track.number"] = ("Реєстраційний номер", "Registration number"),
        ["track.phone"] = ("Телефон, вказаний у зверненні", "Phone given in the appeal"),
        ["track.button"] = ("Перевірити", "Check"),
        ["track.notFound"] = ("Звернення з таким номером і телефоном не знайдено. Перевірте дані.", "No appeal with this number and phone. Please check them."),
        ["track.title"] = ("Звернення № {0}", "Appeal No. {0}"),
        ["track.status"] = ("Стан", "Status"),
        ["track.received"] = ("Надійшло", "Received"),
        ["track.deadline"] = ("Строк розгляду", "Deadline"),
        ["track.category"] = ("Тема", "Topic"),
        ["track.answer"] = ("Відповідь", "Answer"),
        ["track.history"] = ("Хід розгляду", "Progress"),
        ["track.linkMissing"] = ("Посилання недійсне. Перевірте звернення за номером і телефоном.", "The link is not valid. Track the appeal by its number and phone."),
        ["rate.title"] = ("Оцініть результат", "Rate the result"),
        ["rate.lead"] = ("Виконавець повідомив про результат. Чи вирішено вашу проблему?", "The executor reported a result. Is your problem solved?"),
        ["rate.confirmed"] = ("Проблему вирішено?", "Is the problem solved?"),
        ["rate.yes"] = ("Так, вирішено", "Yes, solved"),
        ["rate.no"] = ("Ні, не вирішено", "No, not solved"),
        ["rate.rating"] = ("Оцінка", "Rating"),
        ["rate.rating.hint"] = ("1 — дуже погано, 5 — відмінно", "1 = very poor, 5 = excellent"),
        ["rate.comment"] = ("Коментар", "Comment"),
        ["rate.button"] = ("Надіслати оцінку", "Send the rating"),
        ["rate.thanks"] = ("Дякуємо! Вашу оцінку враховано.", "Thank you! Your rating is recorded."),
        ["rate.choose"] = ("Вкажіть, чи вирішено проблему.", "Say whether the problem is solved."),
        ["faq.lead"] = ("Відповіді на запитання, які мешканці ставлять найчастіше.", "Answers to the questions residents ask most often."),
        ["faq.search"] = ("Пошук у відповідях", "Search the answers"),
        ["faq.button"] = ("Знайти", "Search"),
        ["faq.none"] = ("Нічого не знайдено. Спробуйте інші слова або подайте звернення.", "Nothing found. Try other words or submit an appeal."),
        ["faq.found"] = ("Знайдено: {0}", "Found: {0}"),
        ["contacts.reception"] = ("Графік особистого прийому", "Personal reception schedule"),
        ["contacts.official"] = ("Посадова особа", "Official"),
        ["contacts.days"] = ("Дні", "Days"),
        ["contacts.time"] = ("Час", "Time"),
        ["contacts.place"] = ("Місце", "Place"),
        ["contacts.centre"] = ("Контакт-центр", "Contact centre"),
        ["contacts.phone"] = ("Телефон", "Phone"),
        ["contacts.email"] = ("Електронна пошта", "E-mail"),
        ["contacts.address"] = ("Адреса", "Address"),
        ["contacts.hours"] = ("Години роботи", "Working hours"),
        ["contacts.receptionNote"] = ("На особистий прийом візьміть документ, що посвідчує особу.", "Bring an identity document to a personal reception."),
    }.ToFrozenDictionary();

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>An appeal status as a sentence starts: «Зареєстровано».</summary>
    public static string Status(Core.Appeals.AppealStatus status)
    {
        var s = Infrastructure.Text.Status(status);
        return s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentCulture) + s[1..];
    }

    public static string T(string key, params object?[] args)
    {
        if (!Messages.TryGetValue(key, out var m))
            return Infrastructure.Text.Get(key, args);
        var template = English ? m.En : m.Uk;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
