using System.Diagnostics;

namespace MissionFlow.Bench.Scale;

/// <summary>One route's latencies under concurrent clients: the whole response read, as a browser does.</summary>
public sealed record RouteLatency(string Route, double P50, double P95, int Requests, long BytesPerResponse)
{
    /// <summary>
    /// <paramref name="clients"/> clients at once, each sending <paramref name="perClient"/> requests one after
    /// the other, after one untimed request each (connections opened, JIT warmed); anything but 200 stops the run.
    /// </summary>
    public static async Task<RouteLatency> MeasureAsync(HttpClient client, string route, int clients, int perClient)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => GetAsync(client, route)));
        var timings = new double[clients * perClient];
        var bytes = 0L;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var i = 0; i < perClient; i++)
            {
                var watch = Stopwatch.StartNew();
                var read = await GetAsync(client, route);
                timings[c * perClient + i] = watch.Elapsed.TotalMilliseconds;
                Interlocked.Exchange(ref bytes, read);
            }
        }));
        Array.Sort(timings);
        return new RouteLatency(route, Percentile(timings, 0.50), Percentile(timings, 0.95), timings.Length, bytes);
    }

    private static async Task<long> GetAsync(HttpClient client, string route)
    {
        using var response = await client.GetAsync(route, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0)
            total += n;
        return total;
    }

    /// <summary>Nearest rank on sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max((int)Math.Ceiling(p * sorted.Length) - 1, 0)];
}
