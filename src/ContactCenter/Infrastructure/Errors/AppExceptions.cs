namespace ContactCenter.Infrastructure.Errors;

/// <summary>Invalid input: 400 with every invalid field listed.</summary>
public sealed class AppValidationException(IDictionary<string, string[]> errors, string? detail = null)
    : Exception(detail ?? "Validation failed.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
    public string? Detail { get; } = detail;

    public static AppValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string message) : Exception(message);

public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request conflicts with the resource's current state: 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A business rule refuses the operation (for example an extension past the legal limit): 422.</summary>
public sealed class RuleViolationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Collects field errors, then throws them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public void ThrowIfAny(string? detail = null)
    {
        if (Any)
            throw new AppValidationException(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), detail);
    }
}
