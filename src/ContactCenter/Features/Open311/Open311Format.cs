using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace ContactCenter.Features.Open311;

/// <summary>An ordered GeoReport object: its fields become JSON properties or XML child elements.</summary>
public sealed class O311Object : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}

/// <summary>A GeoReport list: a JSON array, or an XML element holding one <see cref="ItemName"/> element per item.</summary>
public sealed record O311List(string ItemName, IReadOnlyList<object?> Items);

/// <summary>Writes GeoReport v2 documents in JSON or XML (the spec's two formats) from one description.</summary>
public static class Open311Format
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>Splits "name.json" into ("name", "json"); null when the suffix is not a served format.</summary>
    public static (string Name, string Format)? Split(string file)
    {
        var dot = file.LastIndexOf('.');
        if (dot <= 0)
            return null;
        var format = file[(dot + 1)..].ToLowerInvariant();
        return format is Json or Xml ? (file[..dot], format) : null;
    }

    /// <summary>The document; a top-level list is a JSON array and an XML element named <paramref name="root"/>.</summary>
    public static IResult Result(string format, string root, object value, int status = 200)
    {
        if (format == Json)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))
                WriteJson(w, value);
            return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
        }
        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(sb, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            x.WriteStartDocument();
            x.WriteStartElement(root);
            WriteXmlContent(x, value);
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        // XmlWriter over a StringBuilder declares utf-16; the body is UTF-8.
        var text = sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(text, "application/xml; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Errors(string format, int status, params (string Code, string Description)[] errors)
    {
        var list = new O311List("error", errors.Select(e => (object?)new O311Object { { "code", e.Code }, { "description", e.Description } }).ToList());
        return Result(format, "errors", list, status);
    }

    public static string Date(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "";

    private static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case O311Object o:
                w.WriteStartObject();
                foreach (var (k, v) in o)
                {
                    w.WritePropertyName(k);
                    WriteJson(w, v);
                }
                w.WriteEndObject();
                break;
            case O311List l:
                w.WriteStartArray();
                foreach (var item in l.Items)
                    WriteJson(w, item);
                w.WriteEndArray();
                break;
            case IEnumerable<string> strings:
                w.WriteStartArray();
                foreach (var s in strings)
                    w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case long n:
                w.WriteNumberValue(n);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteXmlContent(XmlWriter x, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case O311Object o:
                foreach (var (k, v) in o)
                {
                    x.WriteStartElement(k);
                    WriteXmlContent(x, v);
                    x.WriteEndElement();
                }
                break;
            case O311List l:
                foreach (var item in l.Items)
                {
                    x.WriteStartElement(l.ItemName);
                    WriteXmlContent(x, item);
                    x.WriteEndElement();
                }
                break;
            case bool b:
                x.WriteString(b ? "true" : "false");
                break;
            default:
                x.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
