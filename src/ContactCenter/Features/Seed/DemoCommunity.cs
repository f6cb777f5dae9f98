using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;

namespace ContactCenter.Features.Seed;

/// <summary>
/// The imaginary community the demo data describes: «Зеленогірська міська територіальна громада».
/// Every organisation, street and person here is invented; phone numbers are well-formed but random.
/// </summary>
public static class DemoCommunity
{
    public const string CommunityName = "Зеленогірська міська територіальна громада";
    public const string City = "м. Зеленогірськ";

    /// <summary>The one password of every demo account (documented in the README; never use demo data in production).</summary>
    public const string Password = "Demo-2026-pass";

    /// <summary>One demo account: its login, role and, for executor roles, the executor it acts for (by short name).</summary>
    public sealed record Login(string Email, string Role, string FullName, string? Executor);

    /// <summary>Every demo login, so the README can be checked against it.</summary>
    public static readonly Login[] Logins =
    [
        new("admin@demo.local", Roles.Administrator, "Бойко Андрій Миколайович", null),
        new("supervisor@demo.local", Roles.Supervisor, "Ткаченко Ірина Василівна", null),
        new("operator@demo.local", Roles.Operator, "Мельник Оксана Петрівна", null),
        new("operator2@demo.local", Roles.Operator, "Гнатюк Тарас Іванович", null),
        new("leadership@demo.local", Roles.Leadership, "Заболотний Віктор Степанович", null),
        new("executor@demo.local", Roles.Executor, "Кравчук Олег Анатолійович", "КП «Житлосервіс-1»"),
        new("staff@demo.local", Roles.ExecutorStaff, "Савченко Микола Юрійович", "КП «Житлосервіс-1»"),
        new("zhytloservis2@demo.local", Roles.Executor, "Руденко Галина Михайлівна", "КП «Житлосервіс-2»"),
        new("vodokanal@demo.local", Roles.Executor, "Литвиненко Сергій Петрович", "КП «Водоканал»"),
        new("staff.vodokanal@demo.local", Roles.ExecutorStaff, "Приходько Василь Григорович", "КП «Водоканал»"),
        new("teploenergo@demo.local", Roles.Executor, "Білецький Юрій Володимирович", "КП «Теплоенерго»"),
        new("staff.teploenergo@demo.local", Roles.ExecutorStaff, "Яковенко Наталія Сергіївна", "КП «Теплоенерго»"),
        new("miskosvitlo@demo.local", Roles.Executor, "Мороз Богдан Олександрович", "КП «Міськсвітло»"),
        new("zhkg@demo.local", Roles.Executor, "Павленко Людмила Іванівна", "Управління ЖКГ"),
        new("blagoustrii@demo.local", Roles.Executor, "Гончаренко Дмитро Васильович", "Відділ благоустрою"),
        new("osbb@demo.local", Roles.Executor, "Вишневська Тетяна Миколаївна", "ОСББ «Сонячний»"),
        new("sotszakhyst@demo.local", Roles.Executor, "Марченко Світлана Анатоліївна", "Управління соцзахисту"),
        new("osvita@demo.local", Roles.Executor, "Поліщук Ганна Степанівна", "Управління освіти"),
        new("transport@demo.local", Roles.Executor, "Олійник Петро Михайлович", "Управління транспорту"),
        new("cnap@demo.local", Roles.Executor, "Лисенко Юлія Олександрівна", "ЦНАП"),
        new("zdorovia@demo.local", Roles.Executor, "Кравець Валентина Іванівна", "Відділ охорони здоров'я"),
        new("arkhitektura@demo.local", Roles.Executor, "Ковальський Іван Петрович", "Відділ архітектури"),
        new("ns@demo.local", Roles.Executor, "Петренко Володимир Юрійович", "Відділ з питань НС"),
    ];

    /// <summary>An executor organisation; <see cref="Staff"/> lists "full name|position", the responsible person first.</summary>
    public sealed record ExecutorDef(
        string ShortName, string Name, ExecutorKind Kind, string? Parent, string[] Competences,
        string Phone, string Email, string Hours, string[] Staff);

    private const string OfficeHours = "Пн–Чт 08:00–17:00, Пт 08:00–15:45, обід 12:00–12:45";
    private const string DispatchHours = "Диспетчерська служба — цілодобово; приймальня Пн–Пт 08:00–17:00";

    /// <summary>Parents come before their units.</summary>
    public static readonly ExecutorDef[] Executors =
    [
        new("Управління ЖКГ", "Управління житлово-комунального господарства Зеленогірської міської ради", ExecutorKind.Department, null,
            ["utilities", "utilities.gas"], "(04562) 5-10-01", "zhkg@zelenohirsk.example", OfficeHours,
            ["Павленко Людмила Іванівна|начальник управління", "Шевчук Андрій Олегович|головний спеціаліст", "Іваненко Оксана Василівна|провідний спеціаліст"]),
        new("Відділ благоустрою", "Відділ благоустрою управління ЖКГ", ExecutorKind.Department, "Управління ЖКГ",
            ["improvement", "improvement.roads", "improvement.greenery", "improvement.waste", "improvement.snow", "improvement.playgrounds"],
            "(04562) 5-10-07", "blagoustrii@zelenohirsk.example", OfficeHours,
            ["Гончаренко Дмитро Васильович|начальник відділу", "Мороз Ірина Петрівна|головний спеціаліст", "Ткаченко Степан Іванович|інженер з благоустрою"]),
        new("КП «Водоканал»", "Комунальне підприємство «Водоканал» Зеленогірської міської ради", ExecutorKind.UtilityCompany, "Управління ЖКГ",
            ["utilities.water", "utilities.sewerage"], "(04562) 5-22-15", "vodokanal@zelenohirsk.example", DispatchHours,
            ["Литвиненко Сергій Петрович|головний інженер", "Приходько Василь Григорович|майстер аварійної дільниці", "Бондар Олена Миколаївна|диспетчер", "Кравчук Ігор Степанович|слюсар АВР"]),
        new("КП «Теплоенерго»", "Комунальне підприємство «Теплоенерго» Зеленогірської міської ради", ExecutorKind.UtilityCompany, "Управління ЖКГ",
            ["utilities.heating", "utilities.hotwater"], "(04562) 5-30-40", "teploenergo@zelenohirsk.example", DispatchHours,
            ["Білецький Юрій Володимирович|заступник директора", "Яковенко Наталія Сергіївна|інженер ПТВ", "Лисенко Роман Андрійович|майстер теплових мереж"]),
        new("КП «Житлосервіс-1»", "Комунальне підприємство «Житлосервіс-1» (керуюча компанія, Центральний і Озерний райони)", ExecutorKind.UtilityCompany, "Управління ЖКГ",
            ["utilities.elevator", "utilities.roof", "utilities.yard", "utilities.emergency", "utilities.electricity"],
            "(04562) 5-41-11", "zhs1@zelenohirsk.example", DispatchHours,
            ["Кравчук Олег Анатолійович|директор", "Савченко Микола Юрійович|майстер дільниці", "Коваленко Тетяна Іванівна|диспетчер", "Мельник Віктор Петрович|електрик"]),
        new("КП «Житлосервіс-2»", "Комунальне підприємство «Житлосервіс-2» (керуюча компанія, Північний і Залізничний райони)", ExecutorKind.UtilityCompany, "Управління ЖКГ",
            ["utilities.elevator", "utilities.roof", "utilities.yard", "utilities.emergency", "utilities.electricity"],
            "(04562) 5-42-22", "zhs2@zelenohirsk.example", DispatchHours,
            ["Руденко Галина Михайлівна|директор", "Гребенюк Олександр Васильович|майстер дільниці", "Заїка Марія Степанівна|диспетчер"]),
        new("КП «Міськсвітло»", "Комунальне підприємство «Міськсвітло»", ExecutorKind.UtilityCompany, "Відділ благоустрою",
            ["improvement.lighting"], "(04562) 5-50-05", "svitlo@zelenohirsk.example", "Пн–Пт 08:00–17:00; аварійна бригада до 23:00",
            ["Мороз Богдан Олександрович|директор", "Петренко Андрій Іванович|електромонтер"]),
        new("ОСББ «Сонячний»", "Об'єднання співвласників багатоквартирного будинку «Сонячний»", ExecutorKind.OtherBody, null,
            ["utilities.yard", "utilities.roof", "utilities.elevator"], "+380671112233", "osbb.sonyachnyi@zelenohirsk.example", "Пн, Ср 18:00–20:00",
            ["Вишневська Тетяна Миколаївна|голова правління", "Кравець Петро Олегович|управитель будинку"]),
        new("Управління соцзахисту", "Управління соціального захисту населення Зеленогірської міської ради", ExecutorKind.Department, null,
            ["social", "social.benefits", "social.idp", "social.veterans"], "(04562) 5-60-12", "uszn@zelenohirsk.example", OfficeHours,
            ["Марченко Світлана Анатоліївна|начальник управління", "Олійник Наталія Петрівна|головний спеціаліст відділу пільг", "Гнатюк Ольга Іванівна|спеціаліст з питань ВПО", "Коваленко Денис Сергійович|спеціаліст з питань ветеранів"]),
        new("Управління освіти", "Управління освіти Зеленогірської міської ради", ExecutorKind.Department, null,
            ["education"], "(04562) 5-70-03", "osvita@zelenohirsk.example", OfficeHours,
            ["Поліщук Ганна Степанівна|начальник управління", "Савченко Ірина Володимирівна|головний спеціаліст"]),
        new("Управління транспорту", "Управління транспорту та зв'язку Зеленогірської міської ради", ExecutorKind.Department, null,
            ["transport", "transport.public", "transport.traffic"], "(04562) 5-80-08", "transport@zelenohirsk.example", OfficeHours,
            ["Олійник Петро Михайлович|начальник управління", "Шевчук Юлія Андріївна|головний спеціаліст", "Бондаренко Максим Олегович|інженер з організації руху"]),
        new("ЦНАП", "Центр надання адміністративних послуг Зеленогірської міської ради", ExecutorKind.Department, null,
            ["administrative"], "(04562) 5-90-00", "cnap@zelenohirsk.example", "Пн–Пт 08:00–18:00, Сб 09:00–14:00",
            ["Лисенко Юлія Олександрівна|начальник центру", "Руденко Анна Вікторівна|адміністратор", "Мельник Оксана Ігорівна|адміністратор"]),
        new("Відділ охорони здоров'я", "Відділ охорони здоров'я Зеленогірської міської ради", ExecutorKind.Department, null,
            ["health"], "(04562) 5-61-30", "zdorovia@zelenohirsk.example", OfficeHours,
            ["Кравець Валентина Іванівна|начальник відділу", "Гребенюк Світлана Петрівна|головний спеціаліст"]),
        new("Відділ архітектури", "Відділ містобудування, архітектури та земельних відносин", ExecutorKind.Department, null,
            ["land"], "(04562) 5-11-40", "arch@zelenohirsk.example", OfficeHours,
            ["Ковальський Іван Петрович|начальник відділу — головний архітектор", "Заїка Людмила Андріївна|спеціаліст із земельних питань"]),
        new("Відділ з питань НС", "Відділ з питань надзвичайних ситуацій та цивільного захисту населення", ExecutorKind.Department, null,
            ["safety"], "(04562) 5-12-12", "ns@zelenohirsk.example", "Черговий — цілодобово; відділ Пн–Пт 08:00–17:00",
            ["Петренко Володимир Юрійович|начальник відділу", "Лисенко Артем Миколайович|головний спеціаліст з питань укриттів"]),
    ];

    /// <summary>The executor whose presence means the demo data is already there.</summary>
    public static string MarkerName => Executors[4].Name;

    /// <summary>Category → default executor (short name). Housing subcategories have none on purpose: the district rules of «utilities» decide.</summary>
    public static readonly (string Category, string Executor)[] CategoryDefaults =
    [
        ("utilities", "Управління ЖКГ"),
        ("utilities.water", "КП «Водоканал»"),
        ("utilities.sewerage", "КП «Водоканал»"),
        ("utilities.heating", "КП «Теплоенерго»"),
        ("utilities.hotwater", "КП «Теплоенерго»"),
        ("improvement", "Відділ благоустрою"),
        ("improvement.lighting", "КП «Міськсвітло»"),
        ("transport", "Управління транспорту"),
        ("social", "Управління соцзахисту"),
        ("health", "Відділ охорони здоров'я"),
        ("education", "Управління освіти"),
        ("land", "Відділ архітектури"),
        ("safety", "Відділ з питань НС"),
        ("administrative", "ЦНАП"),
    ];

    public static readonly string[] Districts = ["Центральний", "Північний", "Залізничний", "Озерний"];

    /// <summary>The managing company of each district, by index of <see cref="Districts"/>.</summary>
    public static readonly string[] DistrictHousingCompany = ["КП «Житлосервіс-1»", "КП «Житлосервіс-2»", "КП «Житлосервіс-2»", "КП «Житлосервіс-1»"];

    /// <summary>(type, name, district index, buildings; 0 = random 5–40).</summary>
    public static readonly (string Type, string Name, int District, int Buildings)[] Streets =
    [
        ("вулиця", "Соборна", 0, 36),
        ("проспект", "Незалежності", 0, 40),
        ("площа", "Центральна", 0, 6),
        ("вулиця", "Шевченка", 0, 0),
        ("вулиця", "Лесі Українки", 0, 0),
        ("бульвар", "Каштановий", 0, 0),
        ("провулок", "Поштовий", 0, 7),
        ("вулиця", "Івана Франка", 0, 0),
        ("вулиця", "Героїв УПА", 1, 0),
        ("вулиця", "Садова", 1, 0),
        ("вулиця", "Квіткова", 1, 0),
        ("провулок", "Садовий", 1, 5),
        ("вулиця", "Північна", 1, 0),
        ("проспект", "Миру", 1, 38),
        ("вулиця", "Гетьмана Мазепи", 1, 0),
        ("вулиця", "Січових Стрільців", 1, 0),
        ("вулиця", "Вокзальна", 2, 0),
        ("вулиця", "Залізнична", 2, 0),
        ("вулиця", "Паровозна", 2, 0),
        ("вулиця", "Заводська", 2, 0),
        ("провулок", "Заводський", 2, 6),
        ("вулиця", "Михайла Грушевського", 2, 0),
        ("площа", "Вокзальна", 2, 5),
        ("вулиця", "Козацька", 2, 0),
        ("вулиця", "Озерна", 3, 0),
        ("бульвар", "Озерний", 3, 0),
        ("вулиця", "Лісова", 3, 0),
        ("вулиця", "Сонячна", 3, 24),
        ("провулок", "Лісовий", 3, 8),
        ("вулиця", "Героїв Небесної Сотні", 3, 0),
        ("вулиця", "Молодіжна", 3, 0),
        ("вулиця", "Зелена", 3, 0),
        ("вулиця", "Волонтерів", 3, 0),
    ];

    /// <summary>Buildings routed by their own rule: the ОСББ's houses, and a house of the Central district kept by Житлосервіс-2.</summary>
    public static readonly (string Street, string Number, string Executor)[] BuildingRules =
    [
        ("Сонячна", "12", "ОСББ «Сонячний»"),
        ("Сонячна", "14", "ОСББ «Сонячний»"),
        ("Соборна", "3", "КП «Житлосервіс-2»"),
    ];

    /// <summary>The invented centre of the town; buildings get coordinates around it.</summary>
    public const double CentreLat = 49.4213;
    public const double CentreLong = 30.8846;

    public static string Abbreviation(string streetType) => streetType switch
    {
        "вулиця" => "вул.",
        "проспект" => "просп.",
        "провулок" => "пров.",
        "площа" => "пл.",
        "бульвар" => "бульв.",
        _ => streetType,
    };

    public enum TopicKind
    {
        /// <summary>Work for an executor: routed, accepted, done, verified.</summary>
        Work,
        /// <summary>A reference question the operator answers from the knowledge base.</summary>
        Answer,
        /// <summary>Outside the community's competence: forwarded (R6).</summary>
        Forward,
        /// <summary>No routing rule: stays with the operator, who answers or assigns it by hand.</summary>
        Unrouted,
    }

    /// <summary>
    /// A kind of appeal: category, typical texts (<c>{since}</c> becomes a date a few days before receipt), the executor's
    /// result, and how it usually ends. <see cref="Other"/> is the forwarding body, the operator's answer, the executor an
    /// unrouted question is assigned to, or (for work) the alternative executor a supervisor may reassign it to.
    /// </summary>
    public sealed record Topic(
        string Category, TopicKind Kind, int Weight, bool AtBuilding, string[] Texts, string Result,
        string? Other = null, bool Deferrable = false, bool Emergency = false);

    public const string DistrictHousing = "district housing company";

    public static readonly Topic[] Topics =
    [
        new("utilities.water", TopicKind.Work, 9, true,
            ["Немає холодної води з ранку в усьому під'їзді.", "Дуже слабкий тиск води на 5-му поверсі, вода ледве тече.",
             "З крана тече іржава вода з неприємним запахом.", "Прорив труби біля будинку, вода заливає тротуар.",
             "Третю добу немає води, про відключення ніхто не попередив."],
            "Аварійна бригада усунула пошкодження водопроводу, водопостачання відновлено."),
        new("utilities.sewerage", TopicKind.Work, 4, true,
            ["Засмічення каналізації в підвалі, стоїть вода і сморід.", "Відкритий каналізаційний люк біля дитячого майданчика.",
             "Каналізація витікає на прибудинкову територію."],
            "Засмічення прочищено, люк закрито кришкою, територію продезінфіковано."),
        new("utilities.heating", TopicKind.Work, 9, true,
            ["Холодні батареї у квартирі, в кімнатах +14.", "Не прогріваються стояки в кутових квартирах.",
             "Тече радіатор у під'їзді, заливає сходи.", "У будинку досі не ввімкнули опалення, хоча в сусідніх уже тепло."],
            "Систему опалення будинку відрегульовано, стояки розповітрено, температура в квартирах у нормі."),
        new("utilities.hotwater", TopicKind.Work, 6, true,
            ["Немає гарячої води з {since}.", "Гаряча вода ледь тепла, не вище 35 градусів.", "Гарячу воду відключили без попередження."],
            "Усунено несправність циркуляційного насоса, гаряче водопостачання відновлено."),
        new("utilities.electricity", TopicKind.Work, 3, true,
            ["У під'їзді не працює освітлення на 3–5 поверхах.", "Іскрить електрощиток на сходовому майданчику."],
            "Замінено автоматичні вимикачі та лампи, освітлення під'їзду відновлено."),
        new("utilities.elevator", TopicKind.Work, 5, true,
            ["Не працює ліфт у другому під'їзді вже тиждень.", "Ліфт зупиняється між поверхами, це небезпечно.",
             "У ліфті не світить лампа й не працює кнопка зв'язку з диспетчером."],
            "Ліфт відремонтовано, проведено технічний огляд, ліфт працює."),
        new("utilities.roof", TopicKind.Work, 5, true,
            ["Протікає дах, після дощу заливає квартиру на останньому поверсі.", "Розбиті вікна в під'їзді, протяг і холод.",
             "Потрібен ремонт під'їзду: облуплена фарба, зламані поштові скриньки.", "Обвалюється козирок над входом у під'їзд."],
            "Виконано поточний ремонт: покрівлю залатано, вікна засклено.", Deferrable: true),
        new("utilities.yard", TopicKind.Work, 4, true,
            ["Не прибирають прибудинкову територію, всюди листя та сміття.", "Зламана лавка біля під'їзду.",
             "Підвал захаращений сміттям, просимо прибрати."],
            "Територію прибрано, лавку відремонтовано."),
        new("utilities.emergency", TopicKind.Work, 3, true,
            ["Затоплює квартиру зверху, сусідів немає вдома.", "Прорвало трубу опалення в підвалі, у під'їзді пара.",
             "Обірвався кабель біля під'їзду, висить дріт."],
            "Аварійна бригада перекрила стояк і усунула аварію.", Emergency: true),
        new("improvement.roads", TopicKind.Work, 7, true,
            ["Яма на дорозі біля зупинки, машини об'їжджають тротуаром.", "Розбитий тротуар, неможливо пройти з дитячим візком.",
             "Після ремонту теплотраси не відновили асфальт.", "Просимо зробити пониження бордюру на переході для колясок."],
            "Виконано ямковий ремонт покриття.", Deferrable: true),
        new("improvement.lighting", TopicKind.Work, 7, true,
            ["Не горить ліхтар біля будинку, ввечері зовсім темно.", "Вуличне освітлення горить удень.",
             "Не працює освітлення в сквері вздовж доріжки.", "На всій вулиці не світять ліхтарі третій день."],
            "Замінено світильник і лампу, освітлення працює.", Other: DistrictHousing),
        new("improvement.greenery", TopicKind.Work, 4, true,
            ["Аварійне дерево нахилилося над дорогою, може впасти.", "Сухі гілки нависають над дитячим майданчиком.",
             "Просимо покосити траву на газоні біля школи."],
            "Аварійне дерево видалено, гілля вивезено.", Other: DistrictHousing),
        new("improvement.waste", TopicKind.Work, 6, true,
            ["Сміття не вивозять уже тиждень, контейнери переповнені.", "Стихійне сміттєзвалище за гаражами.",
             "Просимо встановити контейнери для роздільного збору."],
            "Сміття вивезено, графік вивезення відновлено."),
        new("improvement.snow", TopicKind.Work, 2, true,
            ["Дорогу не розчищено від снігу, автобус не може проїхати.", "Ожеледиця на тротуарі біля поліклініки, не посипано."],
            "Дорогу розчищено, тротуар посипано протиожеледною сумішшю."),
        new("improvement.playgrounds", TopicKind.Work, 2, true,
            ["Зламана гойдалка на дитячому майданчику.", "Просимо встановити дитячий майданчик у дворі."],
            "Гойдалку відремонтовано.", Deferrable: true),
        new("transport.public", TopicKind.Work, 4, false,
            ["Автобус маршруту № 5 увечері не ходить за розкладом.", "Водій маршрутки відмовляється везти пільговиків.",
             "Просимо продовжити маршрут № 3 до нового мікрорайону.", "Зранку переповнені автобуси, просимо додати рейси."],
            "З перевізником проведено роботу, рух за розкладом відновлено."),
        new("transport.traffic", TopicKind.Work, 2, true,
            ["Просимо встановити «лежачого поліцейського» біля школи.", "Не працює світлофор на перехресті.",
             "Потрібна розмітка пішохідного переходу."],
            "Світлофорний об'єкт відремонтовано, розмітку нанесено.", Deferrable: true),
        new("social.benefits", TopicKind.Work, 3, false,
            ["Не нараховано пільгу на оплату комунальних послуг.", "Прошу надати матеріальну допомогу на лікування."],
            "Пільгу перераховано, заявника повідомлено."),
        new("social.idp", TopicKind.Work, 3, false,
            ["Прошу допомогти з житлом для родини ВПО.", "Не надходить допомога на проживання ВПО."],
            "Родину поселено в місце тимчасового проживання, виплату поновлено."),
        new("social.veterans", TopicKind.Work, 2, false,
            ["Прошу допомогти з реабілітацією після поранення.", "Родина загиблого захисника просить допомогти з ремонтом житла."],
            "Заявника направлено на реабілітацію, надано матеріальну допомогу."),
        new("health", TopicKind.Work, 2, false,
            ["Не можу записатися до сімейного лікаря.", "В аптеці немає ліків за програмою «Доступні ліки»."],
            "Заявника записано до лікаря, аптеку поповнено."),
        new("education", TopicKind.Work, 3, false,
            ["Немає місць у дитячому садку для дитини.", "Холодно в класах школи № 2.", "Просимо організувати підвезення дітей до школи."],
            "Дитину зараховано до садочка, температурний режим у школі відновлено."),
        new("land", TopicKind.Work, 1, false,
            ["Сусід загородив проїзд парканом на землях громади."],
            "Проведено обстеження, власнику видано припис."),
        new("safety", TopicKind.Work, 2, false,
            ["Укриття в школі було зачинене під час тривоги.", "Гучна музика вночі в кафе, порушення тиші.",
             "Просимо облаштувати укриття в мікрорайоні."],
            "Призначено відповідальних за відкриття укриття, графік чергування погоджено."),
        new("administrative", TopicKind.Work, 2, false,
            ["Черга в ЦНАП, неможливо записатися на прийом."],
            "Збільшено кількість вікон прийому, запис відкрито онлайн."),
        new("social.benefits", TopicKind.Answer, 3, false,
            ["Як оформити субсидію на оплату житлово-комунальних послуг?", "Які документи потрібні для пільги на проїзд?"],
            "", Other: "Надано роз'яснення: заяву на субсидію можна подати в ЦНАП або через портал «Дія»; перелік документів продиктовано."),
        new("administrative", TopicKind.Answer, 3, false,
            ["Як замовити довідку про склад сім'ї?", "Який графік роботи ЦНАП у суботу?"],
            "", Other: "Надано роз'яснення за базою знань: ЦНАП працює в суботу з 09:00 до 14:00, довідку видають у день звернення."),
        new("transport.public", TopicKind.Answer, 2, false,
            ["Коли їде останній автобус маршруту № 7?"],
            "", Other: "Надано розклад руху: останній рейс маршруту № 7 о 21:40 від вокзалу."),
        new("utilities.gas", TopicKind.Forward, 3, true,
            ["Неправильно нараховано плату за розподіл газу.", "Прошу перевірити газовий лічильник, він неправильно рахує."],
            "", Other: "АТ «Зеленогірськгаз» (оператор газорозподільної системи)"),
        new("utilities.electricity", TopicKind.Forward, 2, true,
            ["Немає електроенергії на вулиці понад добу, відключення не за графіком."],
            "", Other: "ПрАТ «Обленерго», Зеленогірський РЕМ"),
        new("social.benefits", TopicKind.Forward, 1, false,
            ["Неправильно нараховано пенсію за вислугу років."],
            "", Other: "Головне управління Пенсійного фонду України в області"),
        new("other", TopicKind.Unrouted, 3, true,
            ["Бездомні собаки біля школи, діти бояться ходити.", "Просимо встановити лавки на алеї в сквері."],
            "Собак відловлено та передано до притулку.", Other: "Відділ благоустрою"),
        new("other", TopicKind.Unrouted, 2, false,
            ["Подяка працівникам Водоканалу за швидкий ремонт.", "Пропозиція встановити пам'ятну дошку захисникам на будівлі школи."],
            "Пропозицію розглянуто на нараді.", Other: "Управління освіти"),
    ];

    public static readonly string[] MaleNames = ["Олександр", "Андрій", "Сергій", "Володимир", "Микола", "Іван", "Василь", "Петро", "Юрій", "Дмитро", "Богдан", "Тарас", "Олег", "Віктор"];
    public static readonly string[] FemaleNames = ["Олена", "Наталія", "Ірина", "Тетяна", "Оксана", "Світлана", "Людмила", "Галина", "Марія", "Ганна", "Катерина", "Юлія", "Валентина", "Надія"];
    public static readonly (string Male, string Female)[] Patronymics =
    [
        ("Іванович", "Іванівна"), ("Петрович", "Петрівна"), ("Михайлович", "Михайлівна"), ("Олександрович", "Олександрівна"),
        ("Васильович", "Василівна"), ("Миколайович", "Миколаївна"), ("Володимирович", "Володимирівна"), ("Степанович", "Степанівна"),
        ("Григорович", "Григорівна"), ("Анатолійович", "Анатоліївна"), ("Сергійович", "Сергіївна"), ("Юрійович", "Юріївна"),
    ];
    public static readonly (string Male, string Female)[] Surnames =
    [
        ("Коваленко", "Коваленко"), ("Ковальчук", "Ковальчук"), ("Мельник", "Мельник"), ("Ткаченко", "Ткаченко"), ("Бондаренко", "Бондаренко"),
        ("Кравчук", "Кравчук"), ("Олійник", "Олійник"), ("Шевчук", "Шевчук"), ("Поліщук", "Поліщук"), ("Лисенко", "Лисенко"),
        ("Руденко", "Руденко"), ("Савченко", "Савченко"), ("Марченко", "Марченко"), ("Петренко", "Петренко"), ("Гончаренко", "Гончаренко"),
        ("Кравець", "Кравець"), ("Павленко", "Павленко"), ("Гребенюк", "Гребенюк"), ("Мороз", "Мороз"), ("Приходько", "Приходько"),
        ("Гнатюк", "Гнатюк"), ("Яковенко", "Яковенко"), ("Заїка", "Заїка"), ("Вишневський", "Вишневська"), ("Заболотний", "Заболотна"),
        ("Білецький", "Білецька"), ("Ковальський", "Ковальська"), ("Сидоренко", "Сидоренко"), ("Остапчук", "Остапчук"), ("Дячук", "Дячук"),
    ];

    public static readonly string[] Privileges = ["учасник бойових дій", "особа з інвалідністю", "ВПО", "багатодітна сім'я"];
    public static readonly string[] SocialStatuses = ["пенсіонер", "працює", "тимчасово не працює", "студент", "військовослужбовець", "ФОП"];
    /// <summary>Where internally displaced applicants were registered before they moved.</summary>
    public static readonly string[] IdpOrigins =
    [
        "Донецька обл., м. Бахмут, вул. Миру, 14", "Луганська обл., м. Сєвєродонецьк, просп. Гвардійський, 20",
        "Харківська обл., м. Куп'янськ, вул. Соборна, 3", "Запорізька обл., м. Оріхів, вул. Центральна, 45",
        "Херсонська обл., м. Олешки, вул. Гоголя, 8",
    ];

    /// <summary>Mobile operator codes of Ukraine (Kyivstar, Vodafone, lifecell).</summary>
    public static readonly string[] MobileCodes = ["67", "68", "96", "97", "98", "50", "66", "95", "99", "63", "73", "93"];

    /// <summary>A simplified national transliteration, enough for invented e-mail addresses.</summary>
    public static string Latin(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(c switch
            {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' => "h",
                'ґ' => "g",
                'д' => "d",
                'е' => "e",
                'є' => "ie",
                'ж' => "zh",
                'з' => "z",
                'и' => "y",
                'і' => "i",
                'ї' => "i",
                'й' => "i",
                'к' => "k",
                'л' => "l",
                'м' => "m",
                'н' => "n",
                'о' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' => "u",
                'ф' => "f",
                'х' => "kh",
                'ц' => "ts",
                'ч' => "ch",
                'ш' => "sh",
                'щ' => "shch",
                'ю' => "iu",
                'я' => "ia",
                _ => "",
            });
        }
        return sb.ToString();
    }
}
