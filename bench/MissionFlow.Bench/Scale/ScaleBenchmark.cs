using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Bench.Scale;

/// <summary>
/// The <c>scale</c> command: the web app in this process on a database loaded through its services, its pages and
/// paged API measured under concurrent clients at 1,000 recommendations stored and at N, beside GET /health in the
/// same run, then N rows exported to Excel and CSV, with the process's peak RSS.
/// </summary>
public static class ScaleBenchmark
{
    public const double GrowthTarget = 1.5;
    public const double HealthTarget = 5;
    public const double PeakTargetMegabytes = 512;

    private const string Officer = "socongthuong@missionflow.local";
    private const string CommitteeEmail = "thuongtruc@missionflow.local";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Route(string Name, bool AsOfficer, string Path);

    private static readonly Route[] Routes =
    [
        new("GET /health (baseline)", false, "/health"),
        new("desk /", false, "/"),
        new("agency inbox /Recommendations", true, "/Recommendations"),
        new("committee /Recommendations", false, "/Recommendations"),
        new("/Missions", false, "/Missions"),
        new("GET /api/recommendations?pageSize=50", false, "/api/recommendations?pageSize=50"),
    ];

    /// <summary>Runs the command; 1 when an export does not hold the N rows (the figures are then void).</summary>
    public static async Task<int> RunAsync(ScaleOptions options, TextWriter o)
    {
        var progress = Console.Error;
        RouteLatency[] small;
        await using (var fresh = SweepDatabase.Create(options.Provider, keep: false))
        {
            progress.WriteLine($"measuring at {ScaleOptions.PerMission:#,0} stored on {fresh.Description}: {options.Clients} clients × {options.Requests} requests per route …");
            await using var app = await InProcessWebApp.StartAsync(fresh);
            var load = new ScaleLoad(app.Services);
            await load.AgenciesAsync();
            await load.MissionAsync(1);
            using var committee = await SignInAsync(app.Address, CommitteeEmail);
            using var officer = await SignInAsync(app.Address, Officer);
            small = await MeasureAsync(committee, officer, options);
        }

        await using var database = options.Reuse is { } key ? SweepDatabase.Reused(options.Provider, key) : SweepDatabase.Create(options.Provider, options.Keep);
        progress.WriteLine($"scale benchmark on {database.Description}");
        await using var large = await InProcessWebApp.StartAsync(database);
        var loading = await LoadAsync(new ScaleLoad(large.Services), options, progress);
        var loadPeak = PeakMemory.PeakMegabytes;
        using var committeeAtN = await SignInAsync(large.Address, CommitteeEmail);
        using var officerAtN = await SignInAsync(large.Address, Officer);

        var reset = PeakMemory.Reset();
        progress.WriteLine($"measuring at {options.Stored:#,0} stored …");
        var atN = await MeasureAsync(committeeAtN, officerAtN, options);
        var servingPeak = PeakMemory.PeakMegabytes;

        PeakMemory.Reset();
        progress.WriteLine($"exporting {options.Stored:#,0} rows …");
        var stored = await new ScaleLoad(large.Services).StoredAsync();
        var excel = await ExportAsync(committeeAtN, "xlsx");
        var csv = await ExportAsync(committeeAtN, "csv");
        var exportPeak = PeakMemory.PeakMegabytes;

        o.WriteLine($"scale: MissionFlow.Web in this process (Kestrel on {large.Address}), {database.Description}");
        o.WriteLine(loading.Missions == 0
            ? $"  {options.Stored:#,0} recommendations already stored by an earlier run (--reuse {options.Reuse}); nothing loaded"
            : $"  loaded {loading.Missions * ScaleOptions.PerMission:#,0} recommendations ({loading.Missions} missions × {ScaleOptions.PerMission:#,0} over {ScaleLoad.AgencyCount} agencies) through the services in {loading.Seconds:0} s; " +
              $"a mission planned, concluded and issued in one transaction: median {loading.MedianSeconds.ToString("0.00", Invariant)} s");
        o.WriteLine($"  {options.Clients} concurrent clients, {options.Requests} requests each per route after one untimed each; whole body read; ms");
        o.WriteLine();
        o.WriteLine($"  {"route",-40} {"p50@1k",8} {"p95@1k",8} {"p50@N",8} {"p95@N",8} {"N/1k",6} {"/health",8} {"KB@N",7}");
        var health = atN[0].P95;
        var verdicts = new List<(bool Pass, string Text)>();
        for (var i = 0; i < Routes.Length; i++)
        {
            var (s, l) = (small[i], atN[i]);
            var growth = l.P95 / s.P95;
            var overHealth = l.P95 / health;
            o.WriteLine($"  {Routes[i].Name,-40} {Ms(s.P50),8} {Ms(s.P95),8} {Ms(l.P50),8} {Ms(l.P95),8} {X(growth),6} {X(overHealth),8} {l.BytesPerResponse / 1024.0,7:0.0}");
            if (i == 0)
                continue;
            verdicts.Add((growth <= GrowthTarget, $"{Routes[i].Name}: p95 at N within {X(GrowthTarget)} of p95 at 1,000 ({X(growth)})"));
            verdicts.Add((overHealth <= HealthTarget, $"{Routes[i].Name}: p95 at N within {X(HealthTarget)} of /health's p95 at N ({X(overHealth)})"));
        }
        o.WriteLine();
        o.WriteLine($"  export of every recommendation stored ({stored:#,0}: the load's and the demo's), committee: Excel {excel.Bytes / 1048576.0:0.0} MB in {excel.Seconds:0.0} s; CSV {csv.Bytes / 1048576.0:0.0} MB, {csv.Rows:#,0} rows, in {csv.Seconds:0.0} s");
        o.WriteLine($"  peak RSS (VmHWM{(reset ? ", reset after the load" : "; the kernel refused the reset, so the load's peak is included")}): serving at N {servingPeak:0} MB, " +
                    $"exporting {exportPeak:0} MB; during the load {loadPeak:0} MB");
        verdicts.Add((Math.Max(servingPeak, exportPeak) < PeakTargetMegabytes, $"peak RSS serving and exporting at N under {PeakTargetMegabytes:0} MB ({Math.Max(servingPeak, exportPeak):0} MB)"));
        o.WriteLine();
        foreach (var (pass, text) in verdicts)
            o.WriteLine($"  {(pass ? "PASS" : "FAIL")}  {text}");

        if (csv.Rows != stored)
        {
            o.WriteLine($"  CHECK FAILED: the CSV export holds {csv.Rows:#,0} rows, not the {stored:#,0} stored");
            return 1;
        }
        return 0;
    }

    private sealed record Loading(int Missions, double Seconds, double MedianSeconds);

    /// <summary>Loads the missions the database does not hold yet (all of them, unless an earlier run's are reused).</summary>
    private static async Task<Loading> LoadAsync(ScaleLoad load, ScaleOptions options, TextWriter progress)
    {
        await load.AgenciesAsync();
        var first = await load.MissionsStoredAsync() + 1;
        var watch = Stopwatch.StartNew();
        var times = new List<double>();
        for (var i = first; i <= options.Missions; i++)
        {
            var mission = Stopwatch.StartNew();
            await load.MissionAsync(i);
            times.Add(mission.Elapsed.TotalSeconds);
            if (i % 10 == 0)
                progress.WriteLine($"  loaded {i * ScaleOptions.PerMission:#,0} recommendations ({watch.Elapsed.TotalSeconds:0} s)");
        }
        return new Loading(times.Count, watch.Elapsed.TotalSeconds, times.Count == 0 ? 0 : Median(times));
    }

    private static async Task<RouteLatency[]> MeasureAsync(HttpClient committee, HttpClient officer, ScaleOptions options)
    {
        var results = new RouteLatency[Routes.Length];
        for (var i = 0; i < Routes.Length; i++)
        {
            results[i] = await RouteLatency.MeasureAsync(Routes[i].AsOfficer ? officer : committee, Routes[i].Path, options.Clients, options.Requests);
            Console.Error.WriteLine($"  {Routes[i].Name}: p50 {Ms(results[i].P50)} ms, p95 {Ms(results[i].P95)} ms");
        }
        return results;
    }

    /// <summary>A client holding the Identity cookie, as a browser after the sign-in page; one connection per concurrent request.</summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(10),
        };
        using var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = DemoAccounts.Password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    private sealed record Export(long Bytes, int Rows, double Seconds);

    /// <summary>The committee's export of every recommendation, read to the end; CSV rows counted (header excluded).</summary>
    private static async Task<Export> ExportAsync(HttpClient client, string format)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/Recommendations?handler=Export&format={format}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        var lines = 0;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0)
        {
            bytes += n;
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        }
        return new Export(bytes, format == "csv" ? lines - 1 : 0, watch.Elapsed.TotalSeconds);
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", Invariant);
    private static string X(double ratio) => ratio.ToString("0.00", Invariant) + "x";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
