using System.Globalization;
using System.Text;

namespace ContactCenter.Features.UnifiedSystem;

/// <summary>One data line of the CSV export: its line number in the file and its cells by known column.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<UnifiedColumn, string> Cells)
{
    public string? this[UnifiedColumn column] => Cells.TryGetValue(column, out var v) && v.Trim() is { Length: > 0 } t ? t : null;
}

/// <summary>The columns of the export regional and city centres receive from the Unified System; others are ignored.</summary>
public enum UnifiedColumn { Source, Priority, Number, Status, Created, Topic, Content, Applicant, Address, Phone, Email, Due, Kind }

public sealed record CsvDocument(string Encoding, IReadOnlyList<UnifiedColumn> Columns, IReadOnlyList<string> Ignored, IReadOnlyList<CsvRow> Rows);

/// <summary>
/// Reads the Unified System's CSV export: Windows-1251 or UTF-8 (a BOM, else valid UTF-8, else cp1251), fields separated
/// by <c>;</c> and quoted with <c>"</c> when they hold a separator, a quote (doubled) or a line break. The first non-empty
/// line is the header; headers match without regard to case, spaces, dots and «№».
/// </summary>
public static class UnifiedCsv
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly Dictionary<string, UnifiedColumn> Headers = new(StringComparer.Ordinal)
    {
        ["джерело"] = UnifiedColumn.Source,
        ["джерелонадходження"] = UnifiedColumn.Source,
        ["пріоритет"] = UnifiedColumn.Priority,
        ["звернення"] = UnifiedColumn.Number,
        ["номерзвернення"] = UnifiedColumn.Number,
        ["номер"] = UnifiedColumn.Number,
        ["зовнішнійномер"] = UnifiedColumn.Number,
        ["статус"] = UnifiedColumn.Status,
        ["створено"] = UnifiedColumn.Created,
        ["датастворення"] = UnifiedColumn.Created,
        ["питання"] = UnifiedColumn.Topic,
        ["тема"] = UnifiedColumn.Topic,
        ["зміст"] = UnifiedColumn.Content,
        ["змістзвернення"] = UnifiedColumn.Content,
        ["заявник"] = UnifiedColumn.Applicant,
        ["піб"] = UnifiedColumn.Applicant,
        ["адреса"] = UnifiedColumn.Address,
        ["адресазаявника"] = UnifiedColumn.Address,
        ["телефон"] = UnifiedColumn.Phone,
        ["email"] = UnifiedColumn.Email,
        ["електроннапошта"] = UnifiedColumn.Email,
        ["вирішитидо"] = UnifiedColumn.Due,
        ["термін"] = UnifiedColumn.Due,
        ["вид"] = UnifiedColumn.Kind,
        ["видзвернення"] = UnifiedColumn.Kind,
        ["типзвернення"] = UnifiedColumn.Kind,
    };

    static UnifiedCsv() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when the bytes carry its BOM or are valid UTF-8; otherwise Windows-1251.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1251).GetString(bytes), "windows-1251");
        }
    }

    public static string NormalizeHeader(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(c);
        }
        return sb.ToString();
    }

    public static CsvDocument Parse(ReadOnlySpan<byte> bytes)
    {
        var (text, encoding) = Decode(bytes);
        var records = Split(text);
        var headerIndex = records.FindIndex(r => r.Fields.Any(f => f.Trim().Length > 0));
        if (headerIndex < 0)
            return new CsvDocument(encoding, [], [], []);
        var header = records[headerIndex].Fields;
        var map = new Dictionary<int, UnifiedColumn>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (Headers.TryGetValue(NormalizeHeader(header[i]), out var column) && !map.ContainsValue(column))
                map[i] = column;
            else if (header[i].Trim().Length > 0)
                ignored.Add(header[i].Trim());
        }
        var rows = new List<CsvRow>();
        foreach (var record in records.Skip(headerIndex + 1))
        {
            if (record.Fields.All(f => f.Trim().Length == 0))
                continue;
            var cells = new Dictionary<UnifiedColumn, string>();
            foreach (var (index, column) in map)
            {
                if (index < record.Fields.Count)
                    cells[column] = record.Fields[index];
            }
            rows.Add(new CsvRow(record.Line, cells));
        }
        return new CsvDocument(encoding, [.. map.Values], ignored, rows);
    }

    private sealed record Record(int Line, List<string> Fields);

    /// <summary>RFC 4180 with <c>;</c>: quoted fields may hold separators, doubled quotes and line breaks.</summary>
    private static List<Record> Split(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ';':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new Record(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields));
        }
        return records;
    }

    private static readonly string[] DateFormats =
    [
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy H:mm", "dd.MM.yyyy", "d.M.yyyy HH:mm", "d.M.yyyy",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>A local (Kyiv) date and time as the export writes it; a date alone, and <paramref name="endOfDay"/>, is the day's last minute.</summary>
    public static DateTimeOffset? ParseLocal(string? text, TimeZoneInfo zone, bool endOfDay, out bool invalid)
    {
        invalid = false;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(t))
            return withOffset;
        if (!DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            invalid = true;
            return null;
        }
        if (endOfDay && local.TimeOfDay == TimeSpan.Zero && !t.Contains(':', StringComparison.Ordinal))
            local = local.Date.AddHours(23).AddMinutes(59);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static bool HasOffset(string t) =>
        t.EndsWith('Z') || (t.Length > 19 && (t[^6] is '+' or '-') && t[^3] == ':');
}
