using System.Globalization;
using System.Text;

namespace ContactCenter.Tests.UnifiedSystem;

/// <summary>Builds CSV files like the Unified System's export: «;», quoted where needed, cp1251 or UTF-8.</summary>
public static class UnifiedCsvFixture
{
    public static readonly string[] Header = ["Джерело", "Пріоритет", "№ звернення", "Статус", "Створено", "Питання", "Зміст", "Заявник", "Адреса", "Телефон", "Вирішити до"];

    static UnifiedCsvFixture() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static int _seq = 100000;

    public static string NewNumber() => "ЄС-" + Interlocked.Increment(ref _seq).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4];

    /// <summary>A valid row (by the standard header): a phone call about water, created on the day, resolve by <paramref name="due"/>.</summary>
    public static string[] Row(string number, string topic = "Водопостачання", string content = "Немає холодної води третій день", string applicant = "Бондаренко Іван Петрович",
        string phone = "050 123 45 67", string? due = null, string status = "Нове", string created = "24.11.2026 09:15", string priority = "Звичайний") =>
        ["Телефон", priority, number, status, created, topic, content, applicant, "м. Дніпро, вул. Січових Стрільців, 7, кв. 3", phone, due ?? "10.12.2026"];

    public static string Text(string[] header, params string[][] rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(';', header.Select(Quote))).Append("\r\n");
        foreach (var r in rows)
            sb.Append(string.Join(';', r.Select(Quote))).Append("\r\n");
        return sb.ToString();
    }

    public static byte[] Cp1251(params string[][] rows) => Encoding.GetEncoding(1251).GetBytes(Text(Header, rows));

    public static byte[] Utf8(bool bom, string[] header, params string[][] rows)
    {
        var bytes = Encoding.UTF8.GetBytes(Text(header, rows));
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private static string Quote(string s) =>
        s.Contains(';') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
