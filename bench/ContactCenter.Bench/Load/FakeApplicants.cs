using System.Globalization;

namespace ContactCenter.Bench.Load;

/// <summary>Random but plausible registration data: Ukrainian names, mobile numbers, addresses and text.</summary>
internal static class FakeApplicants
{
    private static readonly string[] _surnames =
        ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Шевчук", "Поліщук", "Бойко", "Лисенко", "Руденко", "Савченко", "Марченко", "Гнатюк"];

    private static readonly string[] _givenNames =
        ["Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Олена", "Наталія", "Ірина", "Тетяна", "Оксана", "Марія", "Юлія", "Богдан", "Тарас", "Галина"];

    private static readonly string[] _patronymics =
        ["Іванович", "Петрович", "Миколайович", "Васильович", "Олегович", "Іванівна", "Петрівна", "Миколаївна", "Василівна", "Олегівна"];

    private static readonly string[] _streets =
        ["вул. Хрещатик", "вул. Шевченка", "просп. Перемоги", "вул. Франка", "вул. Лесі Українки", "бульв. Дружби", "вул. Садова", "вул. Соборна", "просп. Незалежності", "вул. Героїв Майдану"];

    // Mobile operator codes (Kyivstar, Vodafone, lifecell): +380 CC NNNNNNN.
    private static readonly string[] _mobileCodes = ["50", "66", "95", "99", "67", "68", "96", "97", "98", "63", "73", "93"];

    private static readonly string[] _words =
        ["не", "працює", "вуличне", "освітлення", "біля", "будинку", "прошу", "терміново", "усунути", "протікає", "дах", "під'їзді",
         "відсутнє", "гаряче", "водопостачання", "вже", "третій", "день", "яма", "на", "дорозі", "сміття", "не", "вивозять",
         "тиждень", "зламана", "лавка", "дитячому", "майданчику", "шум", "вночі", "холодно", "квартирі", "опалення", "ліфт",
         "затоплено", "підвал", "аварійне", "дерево", "загрожує", "пішоходам", "прибрати", "перевірити", "відновити"];

    public static string FullName() =>
        $"{Pick(_surnames)} {Pick(_givenNames)} {Pick(_patronymics)}";

    public static string MobilePhone() =>
        "+380" + Pick(_mobileCodes) + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

    public static string Address() =>
        $"м. Київ, {Pick(_streets)}, {Random.Shared.Next(1, 200)}, кв. {Random.Shared.Next(1, 300)}";

    public static string Description()
    {
        var count = Random.Shared.Next(8, 30);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = Pick(_words);
        }

        var text = string.Join(' ', words);
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("uk-UA")) + text[1..] + ".";
    }

    public static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];
}
