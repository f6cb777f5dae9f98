using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Bench.Load;

/// <summary>
/// <c>load register</c> and <c>load search</c>: an HTTP load driver for a running server, printing a
/// summary and a markdown table row for docs/benchmarks.md.
/// </summary>
internal static class LoadCommand
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        using var client = LoadRunner.CreateClient(options);
        try
        {
            var (scenario, createRequest) = options.Scenario switch
            {
                "register" => await PrepareRegisterAsync(client, options),
                "get" => ("get " + options.Path, () => new HttpRequestMessage(HttpMethod.Get, options.Path!.TrimStart('/'))),
                _ => await PrepareSearchAsync(client, options),
            };

            Console.Error.WriteLine($"running {scenario}: {options.Clients} clients, {options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s against {options.Url}");
            var result = await LoadRunner.RunAsync(client, options, createRequest);
            Console.WriteLine(result.Describe(scenario, options));
            return result.Total > result.Errors ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<(string Scenario, Func<HttpRequestMessage> CreateRequest)> PrepareRegisterAsync(
        HttpClient client, LoadOptions options)
    {
        IReadOnlyList<string> categories = options.Category is { } category
            ? [category]
            : LeafCategoryCodes(await GetJsonAsync(client, "api/v1/categories"));
        if (categories.Count == 0)
        {
            throw new InvalidOperationException("GET /api/v1/categories returned no category; pass --category CODE");
        }

        Console.Error.WriteLine($"registering into {categories.Count} leaf categories");
        return ("register", () => CreateRegistration(categories));
    }

    private static HttpRequestMessage CreateRegistration(IReadOnlyList<string> categories)
    {
        var body = new
        {
            channel = "phone",
            kind = "application",
            applicant = new
            {
                fullName = FakeApplicants.FullName(),
                phone = FakeApplicants.MobilePhone(),
                address = FakeApplicants.Address(),
            },
            categoryCode = FakeApplicants.Pick(categories),
            description = FakeApplicants.Description(),
            // Most leaf categories require the address of the problem; without it they answer 400.
            location = new { address = FakeApplicants.Address() },
        };
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, _json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, "api/v1/appeals") { Content = content };
    }

    private static async Task<(string Scenario, Func<HttpRequestMessage> CreateRequest)> PrepareSearchAsync(
        HttpClient client, LoadOptions options)
    {
        var keys = options.KeysFile is { } file
            ? (await File.ReadAllLinesAsync(file, Encoding.UTF8)).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToArray()
            : SampleKeys(await GetJsonAsync(client, "api/v1/appeals?page=1&pageSize=200"), options.Mode);
        if (keys.Length == 0)
        {
            throw new InvalidOperationException("no keys to search for: register some appeals first or pass --keys FILE");
        }

        Console.Error.WriteLine($"searching by {options.Mode.ToString().ToLowerInvariant()} with {keys.Length} distinct keys");
        Func<string, string> path = options.Mode switch
        {
            SearchMode.Phone => key => "api/v1/appeals?phone=" + Uri.EscapeDataString(key),
            SearchMode.Number => key => "api/v1/appeals/" + Uri.EscapeDataString(key),
            _ => key => "api/v1/appeals?q=" + Uri.EscapeDataString(key),
        };
        var scenario = "search by " + options.Mode.ToString().ToLowerInvariant();
        return (scenario, () => new HttpRequestMessage(HttpMethod.Get, path(FakeApplicants.Pick(keys))));
    }

    private static async Task<JsonNode?> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /{path} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Codes of categories that no other category names as its parent. Accepts the flat list the API
    /// documents ({code, parentCode}) and, should it be nested, items with a "children" array.
    /// </summary>
    internal static IReadOnlyList<string> LeafCategoryCodes(JsonNode? categories)
    {
        var all = new List<(string Code, string? Parent, bool HasChildren)>();

        void Walk(JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                var children = item["children"] as JsonArray;
                if (item["code"]?.GetValue<string>() is { Length: > 0 } code)
                {
                    all.Add((code, item["parentCode"]?.GetValue<string>(), children is { Count: > 0 }));
                }

                if (children is not null)
                {
                    Walk(children);
                }
            }
        }

        if (categories is JsonArray array)
        {
            Walk(array);
        }

        var parents = all.Select(c => c.Parent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return all.Where(c => !c.HasChildren && !parents.Contains(c.Code)).Select(c => c.Code).Distinct().ToList();
    }

    /// <summary>Phone numbers, registration numbers or description words from a page of appeals.</summary>
    internal static string[] SampleKeys(JsonNode? page, SearchMode mode)
    {
        var items = (page?["items"] as JsonArray)?.OfType<JsonObject>() ?? [];
        var keys = mode switch
        {
            SearchMode.Phone => items.Select(i => i["applicant"]?["phone"]?.GetValue<string>()),
            SearchMode.Number => items.Select(i => i["registrationNumber"]?.GetValue<string>()),
            _ => items
                .SelectMany(i => (i["description"]?.GetValue<string>() ?? "")
                    .Split([' ', ',', '.', ';', ':', '!', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length >= 4)
                .Select(w => w.ToLowerInvariant()),
        };
        return keys.OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }
}
