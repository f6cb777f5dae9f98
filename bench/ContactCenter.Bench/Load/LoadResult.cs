using System.Globalization;
using System.Text;

namespace ContactCenter.Bench.Load;

/// <summary>What one run measured: every request's latency (sorted) and how each ended.</summary>
/// <param name="LatenciesMs">Latencies of all measured requests in milliseconds, ascending.</param>
/// <param name="Outcomes">HTTP status code (as text) or failure kind, with its count.</param>
/// <param name="Measured">From the end of the warm-up until the last client stopped.</param>
internal sealed record LoadResult(double[] LatenciesMs, IReadOnlyDictionary<string, int> Outcomes, TimeSpan Measured)
{
    public int Total => LatenciesMs.Length;

    public int Errors => Outcomes.Where(o => !IsSuccess(o.Key)).Sum(o => o.Value);

    public double RequestsPerSecond => Measured.TotalSeconds > 0 ? Total / Measured.TotalSeconds : 0;

    /// <summary>Nearest-rank percentile; 0 when nothing was measured.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }

    public string Describe(string scenario, LoadOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var errors = Outcomes.Where(o => !IsSuccess(o.Key)).Select(o => $"{o.Key}: {o.Value}").ToList();
        var text = new StringBuilder();
        text.AppendLine(c, $"{scenario}: {options.Clients} clients, {options.Duration.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up, against {options.Url}");
        text.AppendLine(c, $"total {Total}, errors {Errors}{(errors.Count > 0 ? $" ({string.Join(", ", errors)})" : "")}");
        text.AppendLine(c, $"sustained {RequestsPerSecond:0.0} req/s over {Measured.TotalSeconds:0.0} s; latency p50 {Percentile(50):0.0} ms, p95 {Percentile(95):0.0} ms, p99 {Percentile(99):0.0} ms, max {(Total > 0 ? LatenciesMs[^1] : 0):0.0} ms");
        text.AppendLine();
        text.AppendLine("| Scenario | Clients | Duration (s) | Requests | Errors | Req/s | p50 (ms) | p95 (ms) | p99 (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(c, $"| {scenario} | {options.Clients} | {options.Duration.TotalSeconds:0} | {Total} | {Errors} | {RequestsPerSecond:0.0} | {Percentile(50):0.0} | {Percentile(95):0.0} | {Percentile(99):0.0} |");
        return text.ToString();
    }

    private static bool IsSuccess(string outcome) => outcome.Length == 3 && outcome[0] == '2';
}
