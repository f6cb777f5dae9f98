using System.Text.Json;
using ContactCenter.Features.Appeals;

namespace ContactCenter.Features.Open311;

/// <summary>Configuration section <c>ContactCenter:Open311</c>.</summary>
public sealed class Open311Options
{
    public const string Section = "ContactCenter:Open311";

    /// <summary>Channel of appeals posted through Open311.</summary>
    public Channel Channel { get; set; } = Channel.Web;
    /// <summary>When set, a request naming another <c>jurisdiction_id</c> is refused (404).</summary>
    public string? JurisdictionId { get; set; }
    /// <summary>Shown in discovery: who to contact about this endpoint.</summary>
    public string Contact { get; set; } = "Контакт-центр громади";
    /// <summary>Shown in discovery: where a client gets an API key.</summary>
    public string KeyService { get; set; } = "Ключ видає адміністратор контакт-центру.";
    /// <summary>Date of the last change of this service list (discovery's changeset).</summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>One extra question of a service (GeoReport v2 attribute), stored as JSON on the category.</summary>
public sealed record Open311Attribute(
    string Code,
    string Datatype,
    bool Required,
    string? Description,
    string? DatatypeDescription = null,
    int Order = 0,
    bool Variable = true,
    IReadOnlyList<Open311AttributeValue>? Values = null)
{
    public static readonly string[] Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Open311Attribute> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<Open311Attribute>>(json, JsonOptions) ?? [];

    public static string Serialize(IEnumerable<Open311Attribute> attributes) => JsonSerializer.Serialize(attributes, JsonOptions);
}

public sealed record Open311AttributeValue(string Key, string Name);
