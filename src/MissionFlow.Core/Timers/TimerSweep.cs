using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Telemetry;
using MissionFlow.Core.Workflows;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using SQLitePCL;

namespace MissionFlow.Core.Timers;

/// <summary>
/// How many due timers one sweep fired, how many it found stale and cancelled, and how many it parked because
/// firing them failed on their own.
/// </summary>
public sealed record SweepResult(int Fired, int Stale, int Failed = 0);

/// <summary>
/// Fires due timers, a chunk per transaction: each timer is marked fired in the same transaction as everything
/// it causes (the item's escalation level, the journal line, the Council Office task, the outbox rows). A sweep
/// killed half-way leaves every timer either wholly fired or still pending, so running it again sends nothing
/// twice; two sweeps at once never claim the same row.
/// </summary>
public sealed class TimerSweep(
    MissionFlowDbContext db,
    WorkflowService workflows,
    TimerRuntime runtime,
    RecipientDirectory recipients,
    NoticeComposer composer,
    OfficeLadder ladder,
    CouncilClock clock,
    TimeProvider time,
    MissionFlowMetrics metrics,
    ILogger<TimerSweep> log)
{
    /// <summary>Timers per transaction: enough to spare the round trips of one each, few enough to hold locks briefly.</summary>
    public const int Chunk = 50;

    public async Task<SweepResult> RunAsync(int batchSize, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        int fired = 0, stale = 0, failed = 0, chunk = Chunk;
        while (fired + stale + failed < batchSize)
        {
            int chunkFired, chunkStale, claimed;
            try
            {
                (chunkFired, chunkStale, claimed) = await FireChunkAsync(Math.Min(chunk, batchSize - fired - stale - failed), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && chunk > 1)
            {
                // One timer's firing threw and rolled its whole chunk back: go on one at a time to find it, so
                // that it cannot hold up every timer due after it, run after run.
                log.LogWarning(e, "A chunk of due timers failed; firing them one at a time");
                chunk = 1;
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException && _claimed is [var poison] && !Transient(e))
            {
                await ParkAsync(poison, e, ct);
                failed++;
                continue;
            }
            if (claimed == 0)
                break;
            fired += chunkFired;
            stale += chunkStale;
        }
        // Rungs the Office recorded or skipped schedule the next as a row, opened here once due.
        await ladder.SweepAsync(ct);
        metrics.Sweep(time.GetElapsedTime(started));
        return new SweepResult(fired, stale, failed);
    }

    /// <summary>
    /// A database that is busy, locked or out of reach: the timer is not at fault, so it stays pending and the
    /// failure goes to the job, whose next run tries again.
    /// </summary>
    private static bool Transient(Exception e) => e switch
    {
        // Microsoft.Data.Sqlite leaves IsTransient false whatever the code; Npgsql and SqlClient set it.
        SqliteException { SqliteErrorCode: raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_IOERR or raw.SQLITE_FULL or raw.SQLITE_CANTOPEN } => true,
        DbException { IsTransient: true } => true,
        _ => e.InnerException is { } inner && Transient(inner),
    };

    /// <summary>The rows the last chunk claimed: when a chunk of one fails, the timer to park.</summary>
    private List<WorkflowTimer> _claimed = [];

    /// <summary>
    /// Sets aside a timer whose firing fails on its own (bad data behind it), as Failed with the time, and logs
    /// why as an error (the admin's mail page lists it). Nothing is sent for it; a later transition that moves the
    /// item's timers (a new deadline, another state) schedules those it still needs anew.
    /// </summary>
    private async Task ParkAsync(WorkflowTimer timer, Exception error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await db.Timers
            .Where(t => t.Id == timer.Id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Failed).SetProperty(t => t.FiredAt, now), ct);
        metrics.TimerFailed();
        log.LogError(error, "Timer {TimerId} of instance {InstanceId}, due {DueAt}, cannot be fired and is set aside as failed",
            timer.TimerId, timer.InstanceId, timer.DueAt);
    }

    private async Task<(int Fired, int Stale, int Claimed)> FireChunkAsync(int count, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        // On SQLite this takes the write lock at BEGIN (Microsoft.Data.Sqlite begins IMMEDIATE), so sweeps queue.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = _claimed = await TimerClaim.NextDueAsync(db, now, count, ct);
        if (rows.Count == 0)
            return (0, 0, 0);

        var instanceIds = rows.Select(r => r.InstanceId).Distinct().ToList();
        var instances = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var live = (await db.Timers.AsNoTracking()
                .Where(t => instanceIds.Contains(t.InstanceId) && (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Fired || t.Status == TimerStatus.Skipped))
                .ToListAsync(ct))
            .ToLookup(t => t.InstanceId);
        var subjects = await NoticeSubject.LoadAsync(db, instances.Values, ct);
        var recommendationIds = subjects.Values.Where(s => s.Recommendation is not null).Select(s => s.Recommendation!.Id).ToList();
        var openTasks = (await db.OfficeTasks.Where(t => recommendationIds.Contains(t.RecommendationId)).Select(t => new { t.RecommendationId, t.Kind }).ToListAsync(ct))
            .Select(t => (t.RecommendationId, t.Kind))
            .ToHashSet();

        var outcomes = rows.Select(row =>
        {
            var instance = instances[row.InstanceId];
            var timers = live[row.InstanceId].ToList();
            var snapshot = new InstanceSnapshot(instance.State, instance.Data,
                timers.Where(t => t.Status == TimerStatus.Pending).Select(t => new PendingTimer(t.TimerId, t.DueAt)).ToList(),
                timers.Where(t => t.Status != TimerStatus.Pending).Select(t => new PendingTimer(t.TimerId, t.DueAt)).ToList());
            return (Row: row, Outcome: runtime.Fire(workflows.DefinitionOf(instance), snapshot, new PendingTimer(row.TimerId, row.DueAt), now));
        }).ToList();

        // The status check makes the claim itself exclusive on every provider, whatever the read above saw.
        var firedIds = outcomes.Where(o => o.Outcome is TimerFired).Select(o => o.Row.Id).ToList();
        var staleIds = outcomes.Where(o => o.Outcome is TimerStale).Select(o => o.Row.Id).ToList();
        var claimed = await MarkAsync(firedIds, TimerStatus.Fired, now, ct) + await MarkAsync(staleIds, TimerStatus.Cancelled, now, ct);
        if (claimed != rows.Count)
            return (0, 0, rows.Count); // another sweep took some of them first: the rollback leaves those to it

        var messages = new List<OutboxMessage>();
        foreach (var (row, outcome) in outcomes)
        {
            if (outcome is TimerStale stale)
                log.LogWarning("Timer {TimerId} of instance {InstanceId} was stale and is cancelled: {Reason}", row.TimerId, row.InstanceId, stale.Reason);
            else if (outcome is TimerFired fired)
                messages.AddRange(await ApplyAsync(instances[row.InstanceId], subjects.GetValueOrDefault(row.InstanceId), fired, clock.LocalDate(row.DueAt), now, openTasks, ct));
        }
        var keys = messages.Select(m => m.DedupeKey).ToList();
        var queued = (await db.Outbox.Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct)).ToHashSet();
        var fresh = messages.Where(m => !queued.Contains(m.DedupeKey)).ToList();
        db.Outbox.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.TimersFired(firedIds.Count);
        metrics.EmailsQueued(fresh.Select(m => m.Kind));
        return (firedIds.Count, staleIds.Count, rows.Count);
    }

    private Task<int> MarkAsync(List<long> ids, TimerStatus status, DateTimeOffset now, CancellationToken ct) =>
        ids.Count == 0
            ? Task.FromResult(0)
            : db.Timers
                .Where(t => ids.Contains(t.Id) && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.FiredAt, now), ct);

    /// <summary>Journal line, escalation level and Office task of one fired timer; returns the emails it owes.</summary>
    private async Task<IEnumerable<OutboxMessage>> ApplyAsync(WorkflowInstance instance, NoticeSubject? subject, TimerFired fired, DateOnly dueDate,
        DateTimeOffset now, HashSet<(Guid, string)> openTasks, CancellationToken ct)
    {
        var j = fired.Journal;
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            At = j.At,
            Actor = j.Actor,
            Trigger = j.Trigger,
            FromState = j.From,
            ToState = j.To,
            Comment = j.Comment,
            InputJson = JsonSerializer.Serialize(j.Input),
        });
        if (subject is null)
            return [];
        if (fired.Notice.Kind == TimerKind.Ladder)
            return await ladder.OpenFirstAsync(subject, dueDate, now, ct);
        if (subject.Recommendation is { } recommendation)
        {
            if (fired.EscalationLevel is { } level && level > recommendation.EscalationLevel)
                recommendation.EscalationLevel = level;
            if (fired.Task is { } task && openTasks.Add((recommendation.Id, task)))
                db.OfficeTasks.Add(new OfficeTask { RecommendationId = recommendation.Id, Kind = task, Level = fired.EscalationLevel ?? 0, OpenedAt = now });
        }
        var definition = workflows.DefinitionOf(instance);
        return (await recipients.ResolveAsync(subject, fired.Notice.Recipients, ct))
            .Select(r => composer.Compose(subject, definition, fired, r, dueDate, now));
    }
}
