using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Bench;

/// <summary>
/// The <c>sweep</c> command: the real <see cref="TimerSweep"/> on a database holding <c>--stored</c> timer rows
/// (<see cref="SweepFleet"/>), first at an instant when nothing is due, then when <c>--due</c> timers are, each
/// beside a plain ADO.NET baseline on the same table in the same run.
/// </summary>
public static class SweepBenchmark
{
    public const double EmptyTargetMs = 50;
    public const double DueTargetSeconds = 10;

    /// <summary>What the Hangfire job passes (RemindersOptions.Jobs.SweepBatchSize): timers per sweep run.</summary>
    public const int SweepBatchSize = 10_000;

    private const int Warmup = 3;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the command; 0 unless the checks after the due sweep fail (targets missed still give 0).</summary>
    public static async Task<int> RunAsync(SweepOptions options, TextWriter o)
    {
        var progress = Console.Error;
        var loaded = new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(RepoFolder.Workflows);
        // The fleet's template missions are issued today, under Law 121/2025: their follow-ups run on its latest version.
        var followUp = loaded.Definitions.Where(d => d.Id == FollowUpWorkload.WorkflowId && d.Regime == LegalRegime.Law121Of2025.Slug()).MaxBy(d => d.Version)!;

        await using var database = SweepDatabase.Create(options.Provider, options.Keep);
        var clock = new BenchClock(SweepFleet.IssuedAt);
        var timer = new CommandTimer();
        await using var services = database.Services(clock, new NotificationOptions { PublicBaseUrl = "https://hdnd.test" }, timer.Interceptors);
        progress.WriteLine($"sweep benchmark on {database.Description}");
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Database.MigrateAsync();
        await BenchDatabase.PublishAsync(services);

        var fleet = new SweepFleet(options, followUp);
        await fleet.SeedAsync(services, database, clock, progress);
        await using var connection = database.Open();
        // PostgreSQL: what autovacuum does after a bulk load. SQLite gets no statistics unless asked (--analyze),
        // as in the app, which never runs ANALYZE or PRAGMA optimize.
        if (!database.IsSqlite || options.Analyze)
            Execute(connection, "ANALYZE");
        var stored = Scalar(connection, """SELECT COUNT(*) FROM "WorkflowTimers" """);
        var byStatus = ByStatus(connection);

        // (a) Nothing due: a minute before the instant the due timers fall due.
        var before = SweepFleet.DueInstant.AddMinutes(-1);
        clock.Now = before;
        progress.WriteLine($"empty sweep at {before:u}: {Warmup} warm-up runs, then {options.Runs} timed …");
        var empty = new List<double>();
        for (var run = -Warmup; run < options.Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(SweepBatchSize);
                if (result.Fired + result.Stale != 0)
                    throw new InvalidOperationException($"The empty sweep fired {result.Fired} and found {result.Stale} stale: the data is wrong.");
            }
            if (run >= 0)
                empty.Add(watch.Elapsed.TotalMilliseconds);
        }
        var claimSql = $"""
            SELECT "Id", "InstanceId", "TimerId", "DueAt", "Kind", "Level", "Status", "FiredAt" FROM "WorkflowTimers"
            WHERE "Status" = 'Pending' AND "DueAt" <= @now ORDER BY "DueAt", "Id" LIMIT {TimerSweep.Chunk}
            """;
        var select = new List<double>();
        var plan = Plan(connection, database.IsSqlite, claimSql, Encode(database.IsSqlite, before));
        using (var claim = Command(connection, claimSql, ("@now", Encode(database.IsSqlite, before))))
        {
            for (var run = -Warmup; run < options.Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var rows = 0;
                using (var reader = claim.ExecuteReader())
                    while (reader.Read())
                        rows++;
                if (rows != 0)
                    throw new InvalidOperationException($"The baseline SELECT found {rows} due rows before the due instant.");
                if (run >= 0)
                    select.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // (b) The due instant: exactly --due pending timers are due.
        clock.Now = SweepFleet.DueInstant;
        var dueNow = Scalar(connection, """SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending' AND "DueAt" <= @now""",
            ("@now", Encode(database.IsSqlite, SweepFleet.DueInstant)));
        var pendingBefore = Scalar(connection, """SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending'""");
        progress.WriteLine($"due sweep at {SweepFleet.DueInstant:u}: {dueNow:N0} pending timers due …");
        Settle();
        timer.Enabled = true;
        var runs = new List<(SweepResult Result, TimeSpan Time)>();
        var dueWatch = Stopwatch.StartNew();
        while (true)
        {
            var runWatch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(SweepBatchSize);
            runs.Add((result, runWatch.Elapsed));
            if (result.Fired + result.Stale < SweepBatchSize)
                break;
        }
        var dueTime = dueWatch.Elapsed;
        timer.Enabled = false;
        var fired = runs.Sum(r => r.Result.Fired);
        var stale = runs.Sum(r => r.Result.Stale);

        progress.WriteLine("checking …");
        var check = await CheckAsync(services, fleet, options, SweepFleet.DueInstant, pendingBefore, fired, stale);

        // Baseline of the due sweep: the same rows' status flipped with plain UPDATEs by primary key, 50 to a
        // transaction as the sweep's chunks (back to Pending, after the checks: the same index and row writes as
        // Pending → Fired).
        var ids = Ids(connection, database.IsSqlite);
        Settle();
        var updateWatch = Stopwatch.StartNew();
        var updated = 0;
        for (var first = 0; first < ids.Count; first += TimerSweep.Chunk)
        {
            var chunk = ids.Skip(first).Take(TimerSweep.Chunk).ToList();
            using var transaction = connection.BeginTransaction();
            using var update = Command(connection,
                $"""UPDATE "WorkflowTimers" SET "Status" = 'Pending', "FiredAt" = NULL WHERE "Id" IN ({string.Join(", ", chunk.Select((_, k) => $"@id{k}"))})""",
                chunk.Select((id, k) => ($"@id{k}", (object)id)).ToArray());
            update.Transaction = transaction;
            updated += update.ExecuteNonQuery();
            transaction.Commit();
        }
        var updateTime = updateWatch.Elapsed;
        if (updated != fired)
            check.Add($"baseline UPDATE touched {updated} rows, not the {fired} fired");

        // Report.
        var emptyMedian = Median(empty);
        var selectMedian = Median(select);
        var dueRate = fired / dueTime.TotalSeconds;
        o.WriteLine($"timer sweep on {(database.IsSqlite ? "SQLite" : "PostgreSQL")} ({database.Description}; " +
                    $"{(database.IsSqlite ? options.Analyze ? "ANALYZE run after the load (--analyze)" : "no explicit ANALYZE: the app's connections run PRAGMA optimize" : "ANALYZE after the load")})");
        o.WriteLine($"  stored: {stored:N0} timer rows ({byStatus}; {fleet.TemplateTimers:N0} of them written by the engine) for {fleet.FollowUps.Count + fleet.TemplateFollowUps:N0} follow-ups of " +
                    $"{fleet.Missions + SweepFleet.Templates:N0} missions, {SweepFleet.Agencies} agencies; due at {SweepFleet.DueInstant:u}: {dueNow:N0}");
        o.WriteLine($"  load: engine {fleet.EngineTime.TotalSeconds:0.0} s (council + {SweepFleet.Templates} template missions), clones {fleet.CloneTime.TotalSeconds:0.0} s, " +
                    $"timer rows {fleet.TimerTime.TotalSeconds:0.0} s ({(database.IsSqlite ? $"INSERTs of 500 rows, one transaction" : "COPY binary")})");
        o.WriteLine();
        o.WriteLine($"  empty sweep (TimerSweep.RunAsync({SweepBatchSize:N0}), a scope each, nothing due), {options.Runs} runs:");
        o.WriteLine($"    sweep:    median {Ms(emptyMedian)} ms, max {Ms(empty.Max())} ms, min {Ms(empty.Min())} ms");
        o.WriteLine($"    baseline: plain indexed SELECT … WHERE Status='Pending' AND DueAt <= @now ORDER BY DueAt, Id LIMIT {TimerSweep.Chunk} (ADO.NET, one open connection):");
        o.WriteLine($"              median {Ms(selectMedian)} ms, max {Ms(select.Max())} ms; ratio sweep/baseline {(emptyMedian / selectMedian).ToString("0.0", Invariant)}x");
        o.WriteLine($"    plan: {plan}");
        o.WriteLine($"  due sweep: {fired:N0} fired, {stale:N0} stale, in {runs.Count} run(s) of up to {SweepBatchSize:N0} " +
                    $"({string.Join(" + ", runs.Select(r => $"{r.Result.Fired:N0} in {r.Time.TotalSeconds.ToString("0.00", Invariant)} s"))})");
        o.WriteLine($"    sweep:    {dueTime.TotalSeconds.ToString("0.00", Invariant)} s, {BenchReport.Rate(dueRate)} timers/s, " +
                    $"{check.Outbox:N0} outbox rows queued ({BenchReport.Rate(check.Outbox / dueTime.TotalSeconds)}/s), {check.Journal:N0} journal lines, {check.Tasks:N0} Office tasks");
        o.WriteLine($"    baseline: the same {updated:N0} rows' status flipped by plain UPDATE … SET Status, FiredAt WHERE Id IN (50 ids), {TimerSweep.Chunk} to a transaction: " +
                    $"{updateTime.TotalSeconds.ToString("0.00", Invariant)} s, {BenchReport.Rate(updated / updateTime.TotalSeconds)} rows/s; " +
                    $"ratio sweep/baseline {(dueTime / updateTime).ToString("0.0", Invariant)}x");
        var sql = timer.Total;
        o.WriteLine($"    where the sweep's time went (timed in the same run, EF command interceptor): SQL {sql.TotalSeconds.ToString("0.00", Invariant)} s " +
                    $"({(100 * sql / dueTime).ToString("0", Invariant)}%), the rest {(dueTime - sql).TotalSeconds.ToString("0.00", Invariant)} s " +
                    "(EF materialisation and change tracking, TimerRuntime, composing the emails, DI scopes)");
        foreach (var (text, (count, ticks)) in timer.ByText.OrderByDescending(kv => kv.Value.Ticks).Take(8))
        {
            var time = Stopwatch.GetElapsedTime(0, ticks);
            o.WriteLine($"      {time.TotalSeconds.ToString("0.000", Invariant),7} s {count,6} × {text}");
        }
        o.WriteLine();
        o.WriteLine($"  {Verdict(emptyMedian < EmptyTargetMs)}  empty sweep median < {EmptyTargetMs} ms with {stored:N0} stored ({Ms(emptyMedian)} ms)");
        o.WriteLine($"  {Verdict(fired == options.Due && dueTime.TotalSeconds < DueTargetSeconds)}  {options.Due:N0} due timers fired and queued in < {DueTargetSeconds} s " +
                    $"({dueTime.TotalSeconds.ToString("0.00", Invariant)} s)");
        o.WriteLine($"  checks: {(check.Problems.Count == 0 ? "OK — " : "FAILED — " + string.Join("; ", check.Problems) + " — ")}" +
                    $"{check.FiredAtInstant:N0} timers Fired at the due instant (expected {options.Due:N0}), none fired twice (journal lines per (instance, timer) ≤ 1), " +
                    $"outbox {check.Outbox:N0} rows (expected {fleet.ExpectedOutbox:N0}, {check.DistinctKeys:N0} distinct keys), Office tasks {check.Tasks:N0} (expected {fleet.ExpectedTasks:N0}), " +
                    $"pending {check.PendingAfter:N0} = {pendingBefore:N0} − {options.Due:N0}, none due left");
        return check.Problems.Count == 0 ? 0 : 1;
    }

    private sealed class Check
    {
        public List<string> Problems { get; } = [];
        public int FiredAtInstant, Journal, Outbox, DistinctKeys, Tasks, PendingAfter;
        public void Add(string problem) => Problems.Add(problem);
    }

    private static async Task<Check> CheckAsync(ServiceProvider services, SweepFleet fleet, SweepOptions options, DateTimeOffset now, long pendingBefore, int fired, int stale)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var c = new Check
        {
            FiredAtInstant = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired && t.FiredAt == now),
            Journal = await db.Journal.CountAsync(j => j.Trigger.StartsWith("timer:")),
            Outbox = await db.Outbox.CountAsync(),
            DistinctKeys = await db.Outbox.Select(m => m.DedupeKey).Distinct().CountAsync(),
            Tasks = await db.OfficeTasks.CountAsync(),
            PendingAfter = await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending),
        };
        var twice = await db.Journal.Where(j => j.Trigger.StartsWith("timer:")).GroupBy(j => new { j.InstanceId, j.Trigger }).CountAsync(g => g.Count() > 1);
        var dueLeft = await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending && t.DueAt <= now);
        var dueIds = fleet.Due.Select(f => f.InstanceId).ToList();
        var firedIds = await db.Timers.Where(t => t.Status == TimerStatus.Fired && t.FiredAt == now).Select(t => t.InstanceId).ToListAsync();
        if (fired != options.Due) c.Add($"the sweep fired {fired}, not {options.Due}");
        if (stale != 0) c.Add($"{stale} timers were stale (the data does not match the definition)");
        if (c.FiredAtInstant != options.Due) c.Add($"{c.FiredAtInstant} timers Fired at the instant");
        if (!firedIds.Order().SequenceEqual(dueIds.Order())) c.Add("the fired timers are not those of the due follow-ups");
        if (c.Journal != options.Due) c.Add($"{c.Journal} timer journal lines");
        if (twice != 0) c.Add($"{twice} (instance, timer) pairs journalled twice");
        if (c.Outbox != fleet.ExpectedOutbox) c.Add($"{c.Outbox} outbox rows, expected {fleet.ExpectedOutbox}");
        if (c.DistinctKeys != c.Outbox) c.Add("duplicate outbox keys");
        if (c.Tasks != fleet.ExpectedTasks) c.Add($"{c.Tasks} Office tasks, expected {fleet.ExpectedTasks}");
        if (c.PendingAfter != pendingBefore - options.Due) c.Add($"{c.PendingAfter} pending after, expected {pendingBefore - options.Due}");
        if (dueLeft != 0) c.Add($"{dueLeft} timers still due");
        return c;
    }

    private static string ByStatus(DbConnection connection)
    {
        using var command = Command(connection, """SELECT "Status", COUNT(*) FROM "WorkflowTimers" GROUP BY "Status" ORDER BY 2 DESC""");
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
            parts.Add($"{reader.GetInt64(1):N0} {reader.GetString(0)}");
        return string.Join(", ", parts);
    }

    /// <summary>The ids of the timers the due sweep fired (untimed).</summary>
    private static List<long> Ids(DbConnection connection, bool sqlite)
    {
        using var command = Command(connection, """SELECT "Id" FROM "WorkflowTimers" WHERE "Status" = 'Fired' AND "FiredAt" = @now ORDER BY "Id" """,
            ("@now", Encode(sqlite, SweepFleet.DueInstant)));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>How the database runs the claim: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN (ANALYZE).</summary>
    private static string Plan(DbConnection connection, bool sqlite, string sql, object now)
    {
        using var command = Command(connection, (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ") + sql, ("@now", now));
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(sqlite ? 3 : 0).Trim());
        return string.Join(" | ", lines);
    }

    private static object Encode(bool sqlite, DateTimeOffset at) =>
        sqlite ? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(at)! : at.ToUniversalTime();

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static long Scalar(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), Invariant);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 10 ? "0.00" : "0.0", Invariant);

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
