namespace ContactCenter.Features.Telegram;

/// <summary>What the bot says, in Ukrainian (the bot speaks to residents; one language, literary norm).</summary>
public static class BotText
{
    // Main menu (reply keyboard). Button captions are also the commands the bot recognises.
    public const string MenuSubmit = "📝 Подати звернення";
    public const string MenuMine = "📋 Мої звернення";
    public const string MenuOutages = "⚡ Відключення";
    public const string MenuNotify = "🔔 Сповіщення";
    public const string MenuSubscribe = "📬 Підписка на повідомлення";
    public const string Cancel = "✖ Скасувати";
    public const string Next = "Далі ➡";
    public const string SendLocation = "📍 Надіслати геолокацію";
    public const string SharePhone = "📱 Поділитися номером телефону";
    public const string Confirm = "✅ Підтвердити";
    public const string Yes = "Так, виконано";
    public const string No = "Ні, не виконано";
    public const string NoRating = "Без оцінки";
    public const string SameAddress = "Та сама адреса";

    public const string Welcome =
        "Вітаємо! Це бот контакт-центру громади.\n\n" +
        "Тут можна подати звернення, дізнатися, що з ним відбувається, отримувати сповіщення " +
        "та перевірити, чи немає відключень за вашою адресою.\n\nОберіть дію в меню нижче.";
    public const string MenuHint = "Оберіть дію в меню нижче.";
    public const string Cancelled = "Скасовано. Чернетку звернення видалено.";
    public const string Blocked =
        "На жаль, ми не можемо прийняти ваше звернення через цей канал. " +
        "Якщо вважаєте це помилкою, зверніться до контакт-центру телефоном.";

    public const string SubmitStarted = "Подання звернення. Щоб перервати, натисніть «Скасувати».";
    public const string AlmostDone = "Майже готово.";
    public const string TopicChosen = "Тема: {0}";
    public const string CancelledMark = "\n\n✖ Скасовано.";
    public const string ChooseCategory = "Оберіть тему звернення:";
    public const string ChooseSubcategory = "Уточніть тему «{0}»:";
    public const string ChooseCategoryByButton = "Оберіть, будь ласка, тему кнопкою під повідомленням вище.";
    public const string NoCategories = "Прийом звернень тимчасово недоступний. Спробуйте пізніше або зателефонуйте до контакт-центру.";
    public const string AskText = "Тема: {0}.\n\nОпишіть, будь ласка, суть звернення одним повідомленням: що сталося, де й відколи.";
    public const string TextTooShort = "Опис закороткий. Опишіть, будь ласка, проблему докладніше (щонайменше {0} символів).";
    public const string TextTooLong = "Опис задовгий: щонайбільше {0} символів.";
    public const string TextRequired = "Надішліть, будь ласка, опис текстом.";
    public const string AskPlace = "Де саме проблема? Напишіть адресу (вулиця, будинок) або надішліть геолокацію кнопкою нижче.";
    public const string AddressTooShort = "Вкажіть, будь ласка, повну адресу: вулицю та номер будинку.";
    public const string AskPhotos = "За потреби надішліть фото (до {0} шт.). Коли закінчите або якщо фото немає, натисніть «Далі».";
    public const string PhotoAdded = "Фото додано ({0} з {1}). Надішліть ще або натисніть «Далі».";
    public const string PhotoLimit = "Можна додати не більше {0} фото. Натисніть «Далі».";
    public const string PhotoTooLarge = "Файл завеликий (понад {0} МБ).";
    public const string PhotoType = "Приймаємо лише зображення (JPEG, PNG, WebP).";
    public const string PhotoFailed = "Не вдалося отримати фото. Спробуйте надіслати його ще раз.";
    public const string PhotosOrNext = "Надішліть фото або натисніть «Далі».";
    public const string AskPhone = "Поділіться, будь ласка, своїм номером телефону кнопкою нижче: за ним ми зможемо з вами зв'язатися й знайти ваші звернення.";
    public const string PhoneByButton = "Натисніть, будь ласка, кнопку «Поділитися номером телефону».";
    public const string PhoneNotYours = "Надішліть, будь ласка, власний номер телефону, а не чужий контакт.";
    public const string PhoneInvalid = "Не вдалося розпізнати номер телефону. Спробуйте ще раз.";
    public const string AskName =
        "Вкажіть, будь ласка, ваше прізвище, ім'я та по батькові.\n" +
        "Анонімні звернення не розглядаються (ст. 8 Закону України «Про звернення громадян»).";
    public const string NameInvalid = "Вкажіть, будь ласка, справжні прізвище та ім'я (щонайменше два слова, лише літери).";
    public const string NameAnonymous = "Анонімні звернення не розглядаються. Вкажіть, будь ласка, своє прізвище та ім'я.";
    public const string AskHomeAddress = "Вкажіть, будь ласка, адресу вашого проживання (для офіційної відповіді).";
    public const string Summary =
        "Перевірте, будь ласка, звернення:\n\n" +
        "Тема: {0}\nОпис: {1}\nМісце: {2}\nФото: {3}\nТелефон: {4}\nЗаявник: {5}\nАдреса проживання: {6}\n\n" +
        "Усе правильно?";
    public const string Location = "геолокація {0}, {1}";
    public const string ConfirmByButton = "Натисніть «Підтвердити» під повідомленням вище або «Скасувати».";
    public const string Registered = "Ваше звернення зареєстровано за № {0}.\nРозглянути його мають до {1}.\nМи повідомимо вас про зміни в цьому чаті.";
    public const string RegisteredNoDue = "Ваше звернення зареєстровано за № {0}.\nМи повідомимо вас про зміни в цьому чаті.";
    public const string RegisterFailed = "Не вдалося зареєструвати звернення:\n{0}";
    public const string NothingToConfirm = "Немає звернення, що чекає підтвердження.";
    public const string ConfirmedMark = "\n\n✅ Надіслано.";

    public const string MineNone = "Звернень не знайдено. Якщо ви подавали звернення телефоном чи поштою, поділіться номером телефону в розділі «Сповіщення», і ми їх знайдемо.";
    public const string MineHeader = "Ваші звернення:";
    public const string MineLine = "№ {0} від {1}\n{2}\nСтатус: {3}";
    public const string MineDue = "Термін розгляду: до {0}";
    public const string MineOverdue = "Термін розгляду: до {0} (прострочено)";

    public const string LinkAskPhone = "Щоб надсилати сповіщення про ваші звернення, подані будь-яким способом, поділіться номером телефону кнопкою нижче.";
    public const string Linked = "Готово. Сповіщення про ваші звернення надходитимуть у цей чат. Знайдено звернень за вашим номером: {0}.";

    public const string AskOutageAddress = "Напишіть адресу (вулиця, будинок), щоб перевірити відключення.";
    public const string AskOutageAddressOrLast = "Напишіть адресу (вулиця, будинок) або оберіть останню використану кнопкою нижче.";
    public const string OutageAddressUnknown = "Адресу «{0}» не знайдено в реєстрі громади. Перевірте написання (наприклад: вул. Шевченка, 10).";
    public const string OutagesNone = "За адресою {0} зараз немає відключень.";
    public const string OutagesHeader = "Відключення за адресою {0}:";
    public const string OutageLine = "{0} — {1}\n{2}\nПочаток: {3}";
    public const string OutageEnd = "Орієнтовне завершення: {0}";
    public const string OutagePlanned = "планове";
    public const string OutageEmergency = "аварійне";

    public const string SurveyQuestion = "Чи виконано роботу за вашим зверненням?";
    public const string SurveyRate = "Оцініть, будь ласка, якість виконання від 1 до 5:";
    public const string SurveyThanks = "Дякуємо за відповідь!";
    public const string SurveyAnswer = "\n\nВаша відповідь: {0}{1}. Дякуємо!";
    public const string SurveyRating = ", оцінка {0}";
    public const string SurveyDone = "Ви вже відповіли на це опитування. Дякуємо!";
    public const string SurveyNotYours = "Це опитування стосується звернення іншого заявника.";
    public const string SurveyReworkNote = "Звернення повернуто виконавцеві на доопрацювання.";
    public const string SubmittedForReview =
        "Дякуємо. Ваше звернення містить висловлювання, які потребують перевірки, тому його передано операторові. " +
        "Після перевірки його зареєструють, і ви отримаєте номер у цьому чаті.";

    public const string SubscribeIntro = "Повідомлення про відключення та ремонтні роботи. На що підписатися?";
    public const string SubscribeBuilding = "🏠 Мій будинок";
    public const string SubscribeStreet = "🛣 Вулиця";
    public const string SubscribeDistrict = "🗺 Район";
    public const string SubscribeList = "📃 Мої підписки";
    public const string SubscribeAskBuilding = "Напишіть адресу будинку (вулиця й номер), наприклад: Соборна, 12.";
    public const string SubscribeAskStreet = "Напишіть назву вулиці, наприклад: Соборна.";
    public const string SubscribeChooseDistrict = "Оберіть район:";
    public const string SubscribeNoDistricts = "У реєстрі громади ще немає районів.";
    public const string SubscribeChooseType = "Про які відключення повідомляти?";
    public const string SubscribeAllTypes = "Усі види";
    public const string Subscribed = "Підписку оформлено: {0} ({1}). Повідомлення надходитимуть у цей чат. Скасувати: «Підписка на повідомлення» → «Мої підписки» або команда /stop.";
    public const string SubscribeFailed = "Не вдалося оформити підписку:\n{0}";
    public const string SubscriptionsNone = "У вас немає підписок.";
    public const string SubscriptionsHeader = "Ваші підписки (натисніть, щоб скасувати):";
    public const string Unsubscribed = "Підписку скасовано.";
    public const string AlreadyUnsubscribed = "Цю підписку вже скасовано.";
    public const string UnsubscribedAll = "Скасовано підписок: {0}.";
    public const string ActionFailed = "Не вдалося виконати дію. Спробуйте ще раз трохи згодом.";
    public const string UnknownButton = "Ця кнопка вже неактуальна.";
}
