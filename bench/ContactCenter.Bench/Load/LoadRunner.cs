using System.Diagnostics;
using System.Net.Http.Headers;

namespace ContactCenter.Bench.Load;

/// <summary>
/// Runs closed-loop clients: each sends one request, waits for the whole response, and sends the
/// next, until the warm-up plus the measured duration has passed. Only requests started after the
/// warm-up count.
/// </summary>
internal static class LoadRunner
{
    public static HttpClient CreateClient(LoadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = options.Timeout };
        if (options.ApiKey.Length > 0)
            client.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <param name="createRequest">Builds the next request of a client; called outside the timed part.</param>
    public static async Task<LoadResult> RunAsync(
        HttpClient client, LoadOptions options, Func<HttpRequestMessage> createRequest)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(options.Warmup);
        var stopAt = measureFrom + ToTicks(options.Duration);

        // A hard stop for requests still in flight at the end, so the run is bounded in time even
        // when the server hangs.
        using var hardStop = new CancellationTokenSource(options.Warmup + options.Duration + options.Timeout);

        var workers = new Task<WorkerResult>[options.Clients];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(client, createRequest, measureFrom, stopAt, hardStop.Token));
        }

        var results = await Task.WhenAll(workers);
        var end = Stopwatch.GetTimestamp();

        var latencies = results.SelectMany(r => r.LatenciesMs).ToArray();
        Array.Sort(latencies);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (outcome, count) in results.SelectMany(r => r.Outcomes))
        {
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
        }

        var measured = Stopwatch.GetElapsedTime(Math.Min(measureFrom, end), end);
        return new LoadResult(latencies, outcomes, measured);
    }

    private static async Task<WorkerResult> WorkAsync(
        HttpClient client, Func<HttpRequestMessage> createRequest, long measureFrom, long stopAt, CancellationToken hardStop)
    {
        var result = new WorkerResult();
        while (Stopwatch.GetTimestamp() < stopAt && !hardStop.IsCancellationRequested)
        {
            using var request = createRequest();
            var sent = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                // The default completion option reads the whole body, so latency includes it.
                using var response = await client.SendAsync(request, hardStop);
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                outcome = "cancelled at end";
            }
            catch (TaskCanceledException)
            {
                outcome = "timeout";
            }
            catch (HttpRequestException e)
            {
                outcome = e.HttpRequestError.ToString();
                // A refused connection fails in microseconds; do not spin on it.
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }

            if (sent >= measureFrom)
            {
                result.LatenciesMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                result.Outcomes[outcome] = result.Outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        return result;
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed class WorkerResult
    {
        public List<double> LatenciesMs { get; } = [];
        public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);
    }
}
