using System.Globalization;
using System.Net;

namespace ContactCenter.Bench.Load;

/// <summary>Command-line options of <c>load register</c> and <c>load search</c>.</summary>
internal sealed record LoadOptions
{
    public required string Scenario { get; init; }
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public string ApiKey { get; init; } = "";
    public int Clients { get; init; }
    public TimeSpan Duration { get; init; }
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public string? Category { get; init; }
    public SearchMode Mode { get; init; } = SearchMode.Phone;
    public string? KeysFile { get; init; }
    /// <summary>For <c>load get</c>: the page to fetch, e.g. "/" or "/track/TOKEN".</summary>
    public string? Path { get; init; }

    public const string Usage = """
        usage:
          load register --url URL --api-key KEY [--clients 32] [--duration 30] [--category CODE]
          load search   --url URL --api-key KEY [--clients 8] [--duration 20] [--mode phone|number|text] [--keys FILE]
          load get      --url URL --path /PAGE [--clients 1] [--duration 20]   (public pages: no key)
        common: [--warmup 2] (seconds, not measured) [--timeout 30] (seconds per request)
                [--allow-remote] (the URL must be on loopback without it)
        The key may also come from the CC_API_KEY environment variable.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("register" or "search" or "get"))
        {
            throw new ArgumentException("expected 'register', 'search' or 'get'");
        }

        var scenario = args[0];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var allowRemote = false;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--allow-remote")
            {
                allowRemote = true;
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{name}'");
            }

            values[name[2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;

        int Int(string name, int fallback, int min, int max)
        {
            var text = Take(name);
            if (text is null)
            {
                return fallback;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new ArgumentException($"--{name} must be a whole number from {min} to {max}");
            }

            return value;
        }

        var isRegister = scenario == "register";
        var urlText = Take("url") ?? "http://127.0.0.1:5080";
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--url '{urlText}' is not an http(s) URL");
        }

        if (!allowRemote && !IsLoopback(url))
        {
            throw new ArgumentException($"--url '{url}' is not on this machine; pass --allow-remote to load another host");
        }

        var isGet = scenario == "get";
        var apiKey = Take("api-key") ?? Environment.GetEnvironmentVariable("CC_API_KEY") ?? "";
        if (string.IsNullOrEmpty(apiKey) && !isGet)
        {
            throw new ArgumentException("--api-key is required");
        }

        var modeText = Take("mode");
        var mode = modeText switch
        {
            null or "phone" => SearchMode.Phone,
            "number" => SearchMode.Number,
            "text" => SearchMode.Text,
            _ => throw new ArgumentException("--mode must be phone, number or text"),
        };

        var options = new LoadOptions
        {
            Scenario = scenario,
            Url = url,
            ApiKey = apiKey,
            Clients = Int("clients", isRegister ? 32 : isGet ? 1 : 8, 1, 1024),
            Duration = TimeSpan.FromSeconds(Int("duration", isRegister ? 30 : 20, 1, 3600)),
            Warmup = TimeSpan.FromSeconds(Int("warmup", 2, 0, 600)),
            Timeout = TimeSpan.FromSeconds(Int("timeout", 30, 1, 600)),
            Category = isRegister ? Take("category") : null,
            Mode = mode,
            KeysFile = isRegister || isGet ? null : Take("keys"),
            Path = isGet ? Take("path") ?? throw new ArgumentException("--path is required for 'get'") : null,
        };

        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()} for '{scenario}'");
        }

        return options;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

internal enum SearchMode
{
    Phone,
    Number,
    Text,
}
