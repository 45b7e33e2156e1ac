using System.Globalization;

namespace MissionFlow.Bench;

/// <summary>
/// What the <c>transitions</c> command prints: the median rates, the ratio, PASS/FAIL against the targets, and
/// the checks behind them. The ratio judged is the median of each round's own ratio: a round's engine and
/// baseline passes run back to back on the same database size and machine load, where the two medians of rates
/// may come from different rounds (the baseline slows as the files grow, the engine's first round may still be
/// warming).
/// </summary>
public sealed class BenchReport(
    TransitionsOptions options,
    string folder,
    IReadOnlyList<RoundResult> rounds,
    RowDigest engineRows,
    RowDigest baselineRows,
    CommandCounter profile,
    int profiled)
{
    public const double EngineTarget = 1000;
    public const double RatioTarget = 0.5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the report; false when the two files do not hold the same rows, which voids the comparison.</summary>
    public bool Write(TextWriter o)
    {
        var engine = Median(rounds.Select(r => r.EngineRate));
        var baseline = Median(rounds.Select(r => r.BaselineRate));
        var ratio = Median(rounds.Select(r => r.Ratio));
        var all = rounds.SelectMany(r => r.Transitions).ToList();

        o.WriteLine($"transitions persisted on SQLite (N={options.Count}, file in {folder}{(options.Keep ? "" : ", deleted at exit")})");
        o.WriteLine($"  engine (WorkflowService.FireAsync, EF Core):  {Rate(engine),7} /s");
        o.WriteLine($"  baseline (plain ADO.NET, same rows):          {Rate(baseline),7} /s");
        o.WriteLine($"  ratio engine/baseline, median of the rounds': {ratio.ToString("0.00", Invariant)}   (target >= {RatioTarget.ToString("0.00", Invariant)}; engine target >= {Rate(EngineTarget)}/s; " +
                    $"ratio of the median rates {(engine / baseline).ToString("0.00", Invariant)})");
        o.WriteLine($"  {Verdict(engine >= EngineTarget)}  engine >= {Rate(EngineTarget)} transitions/s");
        o.WriteLine($"  {Verdict(ratio >= RatioTarget)}  engine >= {RatioTarget.ToString("0.00", Invariant)} x baseline");
        o.WriteLine();
        o.WriteLine($"  median of {rounds.Count} rounds; per round (engine / baseline /s, ratio): " +
                    string.Join("  ", rounds.Select(r => $"{Rate(r.EngineRate)}/{Rate(r.BaselineRate)} {r.Ratio.ToString("0.00", Invariant)}")));
        var n = rounds.Sum(r => r.Transitions.Count);
        o.WriteLine($"  engine time per transition: {Micros(rounds.Sum(r => r.Engine.Elapsed.Ticks), n)} µs = scope+DbContext create/dispose {Micros(rounds.Sum(r => r.Engine.Scope.Ticks), n)}" +
                    $" + open + load by id {Micros(rounds.Sum(r => r.Engine.Load.Ticks), n)} + FireAsync {Micros(rounds.Sum(r => r.Engine.Fire.Ticks), n)}" +
                    $"; allocates {(rounds.Sum(r => r.Engine.AllocatedBytes) / 1024.0 / n).ToString("0", Invariant)} KB; baseline {Micros(rounds.Sum(r => r.Baseline.Ticks), n)} µs");
        o.WriteLine($"  workload: {options.Instances} recommendation-followup instances (started untimed), taken round-robin; each is acknowledged,");
        o.WriteLine($"    then cycles {string.Join(" → ", FollowUpWorkload.Cycle)}");
        o.WriteLine("  engine: a fresh DI scope (new DbContext, as one HTTP request) per transition, one connection held (as a fire request's):");
        o.WriteLine("    the instance loaded by id (compiled query) + FireAsync;");
        o.WriteLine("    connection string Pooling=true, the app's SqliteWalInterceptor (WAL, synchronous=NORMAL); warmed up before timing");
        o.WriteLine("  baseline: one open connection, same PRAGMAs, 4 prepared commands, one transaction per transition, no reads, replaying");
        o.WriteLine("    the rows each engine round wrote, on a byte copy of the same migrated and seeded database");
        o.WriteLine($"  rows per transition (both sides): 1 instance UPDATE (Revision-checked), 1 journal INSERT, " +
                    $"{Per(all.Sum(t => t.CancelledTimers), all.Count)} timer rows cancelled, {Per(all.Sum(t => t.SetTimers.Count), all.Count)} timer rows inserted");
        o.WriteLine($"    ({Per(all.Count(t => t.CancelledTimers > 0 || t.SetTimers.Count > 0), all.Count, percent: true)} of transitions change timers)");
        var same = engineRows == baselineRows;
        o.WriteLine($"  row check after the run: {(same ? "same rows in both files" : "FILES DIFFER")} — instances {engineRows.Instances}, journal {engineRows.Journal}/{baselineRows.Journal}, " +
                    $"timers pending {engineRows.TimersPending}/{baselineRows.TimersPending}, cancelled {engineRows.TimersCancelled}/{baselineRows.TimersCancelled}, " +
                    $"hash {engineRows.Hash}/{baselineRows.Hash}");
        o.WriteLine($"  engine SQL per transition (untimed profile of {profiled} transitions, SQLite's trace hook): " +
                    $"{Per(profile.Statements, profiled)} statements ({Per(profile.Selects, profiled)} SELECT, {Per(profile.Updates, profiled)} UPDATE, {Per(profile.Inserts, profiled)} INSERT, BEGIN/COMMIT), " +
                    $"{Per(profile.ConnectionOpens, profiled)} connection opens, {Per(profile.Transactions, profiled)} transactions");
        foreach (var (text, count) in profile.ByText.OrderByDescending(kv => kv.Value).Take(8))
            o.WriteLine($"    {Per(count, profiled)} × {text}");
        return same;
    }

    private static string Micros(long ticks, int count) => (TimeSpan.FromTicks(ticks).TotalMicroseconds / count).ToString("0", Invariant);

    public static string Rate(double perSecond) => perSecond.ToString("#,0", Invariant);

    private static string Per(int count, int of, bool percent = false) =>
        percent ? (100.0 * count / of).ToString("0", Invariant) + "%" : ((double)count / of).ToString("0.##", Invariant);

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
