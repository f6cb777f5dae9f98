using System.Globalization;

namespace ContactCenter.Bench.Generate;

/// <summary>Command-line options of <c>generate</c>.</summary>
internal sealed record GenerateOptions
{
    public required string Connection { get; init; }
    public int Appeals { get; init; } = 1_000_000;
    public int BatchSize { get; init; } = 100_000;
    public int Years { get; init; } = 3;
    public int Seed { get; init; } = 1551;
    public bool Recreate { get; init; }
    public string KeysDir { get; init; } = DefaultKeysDir;

    public static string DefaultKeysDir => Path.Combine(Path.GetTempPath(), "cc-bench-keys");

    public const string Usage = """
        usage:
          generate --connection "Host=127.0.0.1;Port=55500;Username=postgres;Database=cc_bench"
                   [--appeals 1000000] [--batch 100000] [--years 3] [--seed 1551] [--keys-dir $TMPDIR/cc-bench-keys] [--recreate]
        Creates the database (it must not exist, or pass --recreate to drop it first), runs the app's
        PostgreSQL migrations and reference-data seed, adds executors and routing rules, bulk-loads appeals,
        questions, assignments and history with binary COPY, sets the number counters, runs VACUUM ANALYZE
        and writes search keys (phones.txt, numbers.txt, text.txt) into --keys-dir for `load search --keys`.
        """;

    public static GenerateOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var recreate = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--recreate")
            {
                recreate = true;
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;

        int Int(string name, int fallback, int min, int max)
        {
            var text = Take(name);
            if (text is null)
                return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new ArgumentException($"--{name} must be a whole number from {min} to {max}");
            return value;
        }

        var connection = Take("connection") ?? throw new ArgumentException("--connection is required");
        var options = new GenerateOptions
        {
            Connection = connection,
            Appeals = Int("appeals", 1_000_000, 1, 100_000_000),
            BatchSize = Int("batch", 100_000, 1_000, 1_000_000),
            Years = Int("years", 3, 1, 20),
            Seed = Int("seed", 1551, 0, int.MaxValue),
            KeysDir = Take("keys-dir") ?? DefaultKeysDir,
            Recreate = recreate,
        };
        if (values.Count > 0)
            throw new ArgumentException($"unknown option --{values.Keys.First()} for 'generate'");
        return options;
    }
}
