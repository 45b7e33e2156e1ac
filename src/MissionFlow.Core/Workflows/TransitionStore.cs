using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Telemetry;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Writes a decided transition and the host's effects in one transaction (the caller's, or one of its own), with
/// one revision check: the instance's UPDATE. The instance, the journal line, the timers and the recommendation's
/// mirror go as plain statements (<see cref="TransitionWriter"/>); the host's new rows (evidence, Office tasks,
/// spawned follow-ups) through SaveChanges, which never writes the instance: nothing changes it in the unit of work.
/// Once committed, the instance object holds what was stored: an untracked one (the hot path loads it so) is given
/// the values written, a tracked one (a mission loaded with its graph) is reloaded by EF.
/// </summary>
public sealed class TransitionStore(MissionFlowDbContext db, MissionFlowMetrics metrics)
{
    /// <summary>
    /// Writes <paramref name="decision"/> with <paramref name="effects"/>. Losing a race to another fire on the
    /// same instance throws <see cref="ConflictException"/> and writes nothing.
    /// </summary>
    public async Task<FireResult> WriteAsync(Decision decision, TransitionEffects effects, CancellationToken ct = default)
    {
        var (instance, _, transition, imported) = decision;
        var update = new InstanceUpdate(instance.Id, instance.Revision, transition.To, JsonSerializer.Serialize(transition.Data), transition.Journal.At);
        var entry = Entry(instance.Id, transition, imported);

        await using var _ = await HeldConnection.OpenAsync(db, ct);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await TransitionWriter.WriteAsync(db, update, entry, transition.Timers.Cancel, Timers(instance.Id, transition), effects.Mirror, ct) is not { } journalId)
            throw Conflict(decision.Trigger);
        foreach (var file in effects.Evidence)
            file.JournalEntryId = journalId;
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);

        if (db.Entry(instance) is { State: not EntityState.Detached } tracked)
            await tracked.ReloadAsync(ct);
        else
        {
            instance.State = update.State;
            instance.DataJson = update.DataJson;
            instance.Revision = update.Revision;
            instance.UpdatedAt = update.UpdatedAt;
        }
        // Counted once the transition is written: in a caller's transaction, a later rollback still counts it.
        metrics.Transition(instance.WorkflowId, decision.Trigger);
        return new FireResult(instance, transition);
    }

    private ConflictException Conflict(string trigger)
    {
        db.ChangeTracker.Clear();
        return new ConflictException($"Someone else changed this item first; reload it and try '{trigger}' again.") { Code = "concurrency", Args = [trigger] };
    }

    internal static JournalEntry Entry(Guid instanceId, Transitioned transition, bool imported)
    {
        var j = transition.Journal;
        return new JournalEntry
        {
            InstanceId = instanceId,
            At = j.At,
            Actor = j.Actor,
            Trigger = j.Trigger,
            FromState = string.IsNullOrEmpty(j.From) ? null : j.From,
            ToState = j.To,
            Comment = j.Comment,
            InputJson = JsonSerializer.Serialize(j.Input),
            Imported = imported,
        };
    }

    /// <summary>The timer rows a transition adds: those to fire, and those stored as skipped.</summary>
    internal static List<WorkflowTimer> Timers(Guid instanceId, Transitioned transition) =>
        transition.Timers.Set
            .Select(t => new WorkflowTimer { InstanceId = instanceId, TimerId = t.TimerId, DueAt = t.DueAt, Kind = t.Kind, Level = t.Level })
            .Concat(transition.Timers.SkipList.Select(t => new WorkflowTimer
                { InstanceId = instanceId, TimerId = t.TimerId, DueAt = t.DueAt, Kind = t.Kind, Level = t.Level, Status = TimerStatus.Skipped }))
            .ToList();
}
