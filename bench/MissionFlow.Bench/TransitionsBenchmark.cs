using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Bench;

/// <summary>
/// The <c>transitions</c> command: times <see cref="WorkflowService.FireAsync"/> on SQLite, each transition in a
/// fresh DI scope (a new DbContext, as one HTTP request would have) that loads the instance and fires, and
/// replays the rows each round wrote through <see cref="AdoNetBaseline"/> on a copy of the same database.
/// </summary>
public static class TransitionsBenchmark
{
    private const int ProfileTransitions = 400;

    public static async Task RunAsync(TransitionsOptions options, TextWriter output)
    {
        var progress = Console.Error;
        var workload = new FollowUpWorkload(options.Instances);
        using var database = BenchDatabase.Create(options.Keep);
        await using var engine = database.EngineServices();

        progress.WriteLine($"preparing {options.Instances} instances in {database.Folder} …");
        await database.PrepareAsync(engine, workload);
        using var baseline = new AdoNetBaseline(database.BaselinePath);

        // Untimed, and the warm-up of both sides: instance i is acknowledged and taken i % 8 steps into the
        // cycle, so the round-robin rounds fire every trigger of the cycle equally often.
        progress.WriteLine("warming up (spreading the instances over the cycle) …");
        var (_, warmed) = await FireAllAsync(engine, workload, workload.SpreadOrder());
        baseline.Replay(warmed.Select(RecordedTransition.Of).ToList());

        var cursor = 0;
        var rounds = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = new int[options.Count];
            for (var k = 0; k < order.Length; k++)
                order[k] = cursor++ % workload.Count;

            Settle();
            var (engineTime, results) = await FireAllAsync(engine, workload, order);
            var plan = results.Select(RecordedTransition.Of).ToList();
            Settle();
            var baselineTime = baseline.Replay(plan);

            var result = new RoundResult(plan, engineTime, baselineTime);
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

        new BenchReport(options, database.Folder, rounds, engineRows, baselineRows, counter, ProfileTransitions).Write(output);
    }

    /// <summary>
    /// Fires the workload's next trigger on each instance of <paramref name="order"/>, one scope per transition:
    /// a new DbContext loads the instance by id, then FireAsync reads its pending timers, cancels what moved and
    /// saves state, journal and timers in one transaction guarded by Revision.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, FireResult[] Results)> FireAllAsync(IServiceProvider services, FollowUpWorkload workload, int[] order)
    {
        var results = new FireResult[order.Length];
        var stopwatch = Stopwatch.StartNew();
        for (var k = 0; k < order.Length; k++)
        {
            var index = order[k];
            var step = workload.Next(index);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            if (Environment.GetEnvironmentVariable("KNOB_OPEN") == "1") await db.Database.OpenConnectionAsync();
            var instance = await db.Instances.FindAsync(workload.IdOf(index))
                ?? throw new InvalidOperationException($"Instance {workload.IdOf(index)} is gone.");
            results[k] = await scope.ServiceProvider.GetRequiredService<WorkflowService>()
                .FireAsync(instance, step.Trigger, step.Actor, step.Input);
            workload.Advance(index);
        }
        return (stopwatch.Elapsed, results);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

/// <summary>One timed round: the rows written, and how long each side took to write them.</summary>
public sealed record RoundResult(IReadOnlyList<RecordedTransition> Transitions, TimeSpan Engine, TimeSpan Baseline)
{
    public double EngineRate => Transitions.Count / Engine.TotalSeconds;
    public double BaselineRate => Transitions.Count / Baseline.TotalSeconds;
}
