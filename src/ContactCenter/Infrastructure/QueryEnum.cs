using System.Text.Json;
using ContactCenter.Infrastructure.Errors;

namespace ContactCenter.Infrastructure;

/// <summary>
/// Enum values in query strings and exports, spelled as in JSON (camelCase, API.md). Minimal APIs bind enums with a
/// case-sensitive Enum.TryParse, which refuses <c>?status=inProgress</c>; endpoints take a string and use this.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        // Names only: Enum.TryParse would also take "3" or "99".
        if (char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        errors.Add(field, string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName)));
        return null;
    }

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
