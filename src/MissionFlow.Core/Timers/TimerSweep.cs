using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Timers;

/// <summary>How many due timers one sweep fired, and how many it found stale and cancelled.</summary>
public sealed record SweepResult(int Fired, int Stale);

/// <summary>
/// Fires due timers. Each one is claimed and fired in its own transaction, together with everything it causes:
/// marked fired, the item's escalation level, the journal line, the Council Office task and the outbox rows. A
/// sweep killed half-way leaves each timer either wholly fired or still pending, so running it again sends
/// nothing twice; two sweeps at once never claim the same row.
/// </summary>
public sealed class TimerSweep(
    MissionFlowDbContext db,
    WorkflowService workflows,
    TimerRuntime runtime,
    RecipientDirectory recipients,
    NoticeComposer composer,
    CouncilClock clock,
    TimeProvider time,
    ILogger<TimerSweep> log)
{
    private enum Step { NothingDue, Fired, Stale, Lost }

    public async Task<SweepResult> RunAsync(int batchSize, CancellationToken ct = default)
    {
        int fired = 0, stale = 0;
        for (var i = 0; i < batchSize; i++)
        {
            var step = await FireNextAsync(ct);
            if (step == Step.NothingDue)
                break;
            fired += step == Step.Fired ? 1 : 0;
            stale += step == Step.Stale ? 1 : 0;
        }
        return new SweepResult(fired, stale);
    }

    private async Task<Step> FireNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        // On SQLite this takes the write lock at BEGIN (Microsoft.Data.Sqlite begins IMMEDIATE), so sweeps queue.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await TimerClaim.NextDueAsync(db, now, ct);
        if (row is null)
            return Step.NothingDue;

        var instance = await db.Instances.FirstAsync(i => i.Id == row.InstanceId, ct);
        var definition = workflows.DefinitionOf(instance);
        var outcome = runtime.Fire(definition, await workflows.SnapshotAsync(instance, ct), new PendingTimer(row.TimerId, row.DueAt), now);
        var status = outcome is TimerFired ? TimerStatus.Fired : TimerStatus.Cancelled;
        // The status check makes the claim itself exclusive on every provider, whatever the read above saw.
        var claimed = await db.Timers
            .Where(t => t.Id == row.Id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.FiredAt, now), ct);
        if (claimed == 0)
            return Step.Lost;

        if (outcome is TimerStale stale)
            log.LogWarning("Timer {TimerId} of instance {InstanceId} was stale and is cancelled: {Reason}", row.TimerId, row.InstanceId, stale.Reason);
        else
            await ApplyAsync(instance, definition, (TimerFired)outcome, clock.LocalDate(row.DueAt), now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcome is TimerFired ? Step.Fired : Step.Stale;
    }

    private async Task ApplyAsync(WorkflowInstance instance, Engine.Definitions.WorkflowDefinition definition, TimerFired fired, DateOnly dueDate, DateTimeOffset now, CancellationToken ct)
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
        var subject = await NoticeSubject.LoadAsync(db, instance, ct);
        if (subject is null)
            return;
        if (subject.Recommendation is { } recommendation)
        {
            if (fired.EscalationLevel is { } level && level > recommendation.EscalationLevel)
                recommendation.EscalationLevel = level;
            if (fired.Task is { } task && !await db.OfficeTasks.AnyAsync(t => t.RecommendationId == recommendation.Id && t.Kind == task, ct))
                db.OfficeTasks.Add(new OfficeTask { RecommendationId = recommendation.Id, Kind = task, Level = fired.EscalationLevel ?? 0, OpenedAt = now });
        }
        var messages = (await recipients.ResolveAsync(subject, fired.Notice.Recipients, ct))
            .Select(r => composer.Compose(subject, definition, fired, r, dueDate, now))
            .ToList();
        var keys = messages.Select(m => m.DedupeKey).ToList();
        var queued = await db.Outbox.Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct);
        db.Outbox.AddRange(messages.Where(m => !queued.Contains(m.DedupeKey)));
    }
}
