using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Bench;

/// <summary>
/// The <c>transitions</c> command: times <see cref="WorkflowService.FireAsync"/> on SQLite, each transition in a
/// fresh DI scope (a new DbContext, as one HTTP request would have) that loads the instance and fires, and
/// replays the rows each round wrote through <see cref="AdoNetBaseline"/> on a copy of the same database.
/// Engine and baseline rounds alternate, so noise from the machine falls on both sides alike.
/// </summary>
public static class TransitionsBenchmark
{
    private const int ProfileTransitions = 400;
    // Enough for tiered compilation to settle: with 3,000 the first timed round still ran a third slower.
    private const int MinimumWarmup = 12000;

    /// <summary>Runs the command; 0 unless the baseline did not write the rows the engine wrote (targets missed still give 0).</summary>
    public static async Task<int> RunAsync(TransitionsOptions options, TextWriter output)
    {
        var progress = Console.Error;
        var workload = new FollowUpWorkload(options.Instances);
        using var database = BenchDatabase.Create(options.Keep);
        await using var engine = database.EngineServices();

        progress.WriteLine($"preparing {options.Instances} instances in {database.Folder} …");
        await database.PrepareAsync(engine, workload);
        using var baseline = new AdoNetBaseline(database.BaselinePath);

        // Untimed, and the warm-up of both sides (JIT, caches): instance i is acknowledged and taken i % 8 steps
        // into the cycle, so the round-robin rounds fire every trigger of the cycle equally often; then
        // round-robin transitions up to the minimum.
        progress.WriteLine("warming up (spreading the instances over the cycle) …");
        var cursor = 0;
        var spread = workload.SpreadOrder();
        var warmup = spread.Concat(Enumerable.Range(0, Math.Max(0, MinimumWarmup - spread.Length)).Select(_ => cursor++ % workload.Count)).ToArray();
        var warm = await FireAllAsync(engine, workload, warmup);
        baseline.Replay(warm.Results.Select(RecordedTransition.Of).ToList());
        var rounds = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = new int[options.Count];
            for (var k = 0; k < order.Length; k++)
                order[k] = cursor++ % workload.Count;

            Settle();
            var fired = await FireAllAsync(engine, workload, order);
            var plan = fired.Results.Select(RecordedTransition.Of).ToList();
            Settle();
            var baselineTime = baseline.Replay(plan);

            var result = new RoundResult(plan, fired, baselineTime);
            rounds.Add(result);
            progress.WriteLine($"  round {round}: engine {BenchReport.Rate(result.EngineRate)} /s, baseline {BenchReport.Rate(result.BaselineRate)} /s");
        }

        var engineRows = RowDigest.Read(database.EnginePath);
        var baselineRows = RowDigest.Read(database.BaselinePath);

        progress.WriteLine("profiling (untimed) …");
        var counter = new CommandCounter();
        await using (var counted = database.EngineServices(counter.Interceptors))
        {
            await BenchDatabase.PublishAsync(counted);
            counter.Reset();
            var order = Enumerable.Range(0, ProfileTransitions).Select(_ => cursor++ % workload.Count).ToArray();
            await FireAllAsync(counted, workload, order);
        }

        return new BenchReport(options, database.Folder, rounds, engineRows, baselineRows, counter, ProfileTransitions).Write(output) ? 0 : 1;
    }

    /// <summary>
    /// Fires the workload's next trigger on each instance of <paramref name="order"/>, one scope per transition:
    /// a new DbContext holds its connection (as RecommendationService.FireAsync does), loads the instance by id
    /// (a compiled query), then FireAsync reads its timers, cancels what moved and saves
    /// state, journal and timers in one transaction guarded by Revision.
    /// </summary>
    private static async Task<EngineRound> FireAllAsync(IServiceProvider services, FollowUpWorkload workload, int[] order)
    {
        var results = new FireResult[order.Length];
        long scopeTicks = 0, loadTicks = 0, fireTicks = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        for (var k = 0; k < order.Length; k++)
        {
            var index = order[k];
            var step = workload.Next(index);
            var t0 = Stopwatch.GetTimestamp();
            var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
            var t1 = Stopwatch.GetTimestamp();
            var held = await HeldConnection.OpenAsync(db, CancellationToken.None);
            var instance = await InstanceById(db, workload.IdOf(index), CancellationToken.None)
                ?? throw new InvalidOperationException($"Instance {workload.IdOf(index)} is gone.");
            var t2 = Stopwatch.GetTimestamp();
            results[k] = await workflows.FireAsync(instance, step.Trigger, step.Actor, step.Input);
            await held.DisposeAsync();
            var t3 = Stopwatch.GetTimestamp();
            await scope.DisposeAsync();
            scopeTicks += t1 - t0 + Stopwatch.GetTimestamp() - t3;
            loadTicks += t2 - t1;
            fireTicks += t3 - t2;
            workload.Advance(index);
        }
        var elapsed = stopwatch.Elapsed;
        return new EngineRound(results, elapsed, Ticks(scopeTicks), Ticks(loadTicks), Ticks(fireTicks),
            GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>
    /// The load a request does before it fires, compiled once as the app's own hot reads are; untracked, as
    /// RecommendationService loads the item it fires (the transition store writes the instance, not the tracker).
    /// </summary>
    private static readonly Func<MissionFlowDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> InstanceById =
        EF.CompileAsyncQuery((MissionFlowDbContext db, Guid id, CancellationToken _) => db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id));

    private static TimeSpan Ticks(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

/// <summary>One engine pass: what each transition returned, the wall time, and where it went.</summary>
public sealed record EngineRound(FireResult[] Results, TimeSpan Elapsed, TimeSpan Scope, TimeSpan Load, TimeSpan Fire, long AllocatedBytes);

/// <summary>One timed round: the rows written, and how long each side took to write them.</summary>
public sealed record RoundResult(IReadOnlyList<RecordedTransition> Transitions, EngineRound Engine, TimeSpan Baseline)
{
    public double EngineRate => Transitions.Count / Engine.Elapsed.TotalSeconds;
    public double BaselineRate => Transitions.Count / Baseline.TotalSeconds;
    public double Ratio => EngineRate / BaselineRate;
}
