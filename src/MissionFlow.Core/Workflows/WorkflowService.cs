using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Runs the engine against the database: loads an instance and its pending timers, asks the runtime, and writes
/// state, journal and timers in one SaveChanges guarded by the instance's revision.
/// </summary>
public sealed class WorkflowService(MissionFlowDbContext db, DefinitionCatalog catalog, WorkflowRuntime runtime, TimeProvider time)
{
    /// <summary>Adds a new instance on the latest version to the unit of work; the caller saves.</summary>
    public WorkflowInstance Start(string workflowId, IReadOnlyDictionary<string, string> data, Actor actor, bool imported = false)
    {
        var definition = catalog.Latest(workflowId);
        var now = time.GetUtcNow();
        var started = runtime.Start(definition, data, actor, now);
        var instance = new WorkflowInstance
        {
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            WorkflowHash = definition.Hash,
            State = started.To,
            Data = started.Data,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Instances.Add(instance);
        Record(instance, started, imported);
        return instance;
    }

    public WorkflowDefinition DefinitionOf(WorkflowInstance instance) => catalog.Get(instance.WorkflowId, instance.WorkflowVersion);

    public async Task<InstanceSnapshot> SnapshotAsync(WorkflowInstance instance, CancellationToken ct = default) =>
        Snapshot(instance, await LiveTimersAsync(instance, ct));

    /// <summary>
    /// The instance's timers that still matter (pending, fired, skipped), tracked so a fire can cancel some of
    /// them without reading them again. "IN" rather than "not cancelled" keeps the lookup on the index.
    /// </summary>
    private Task<List<WorkflowTimer>> LiveTimersAsync(WorkflowInstance instance, CancellationToken ct) =>
        db.Timers
            .Where(t => t.InstanceId == instance.Id && (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Fired || t.Status == TimerStatus.Skipped))
            .ToListAsync(ct);

    private static InstanceSnapshot Snapshot(WorkflowInstance instance, List<WorkflowTimer> timers) =>
        new(instance.State, instance.Data,
            timers.Where(t => t.Status == TimerStatus.Pending).Select(t => new PendingTimer(t.TimerId, t.DueAt)).ToList(),
            timers.Where(t => t.Status != TimerStatus.Pending).Select(t => new PendingTimer(t.TimerId, t.DueAt)).ToList());

    public async Task<IReadOnlyList<TransitionDefinition>> AvailableAsync(WorkflowInstance instance, Actor actor, IReadOnlySet<string>? facts = null, CancellationToken ct = default) =>
        runtime.Available(DefinitionOf(instance), await SnapshotAsync(instance, ct), actor, facts);

    /// <summary>
    /// Fires <paramref name="trigger"/>. <paramref name="beforeSave"/> adds the host's own effects (spawned
    /// recommendations, files attached to the journal entry) to the same unit of work. A refusal throws before anything is written; losing a race
    /// to another fire on the same instance throws <see cref="ConflictException"/> and writes nothing.
    /// </summary>
    public async Task<FireResult> FireAsync(
        WorkflowInstance instance,
        string trigger,
        Actor actor,
        IReadOnlyDictionary<string, string?> input,
        IReadOnlySet<string>? facts = null,
        Func<Transitioned, JournalEntry, Task>? beforeSave = null,
        bool imported = false,
        CancellationToken ct = default)
    {
        var definition = DefinitionOf(instance);
        var request = new FireRequest(trigger, actor, input, time.GetUtcNow(), facts);
        // One connection for the read and the write: EF would otherwise open and close it around each.
        await db.Database.OpenConnectionAsync(ct);
        await using var _ = new ConnectionRelease(db);
        var timers = await LiveTimersAsync(instance, ct);
        var outcome = runtime.Fire(definition, Snapshot(instance, timers), request);
        if (outcome is Refused refused)
            throw Refusal(refused);
        var transition = (Transitioned)outcome;

        instance.State = transition.To;
        instance.Data = transition.Data;
        instance.Revision++;
        instance.UpdatedAt = request.Now;
        var entry = Record(instance, transition, imported);
        foreach (var timer in timers.Where(t => t.Status == TimerStatus.Pending && transition.Timers.Cancel.Contains(t.TimerId)))
            timer.Status = TimerStatus.Cancelled;
        if (beforeSave is not null)
            await beforeSave(transition, entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException($"Someone else changed this item first; reload it and try '{trigger}' again.") { Code = "concurrency", Args = [trigger] };
        }
        return new FireResult(instance, transition);
    }

    private JournalEntry Record(WorkflowInstance instance, Transitioned transition, bool imported)
    {
        var j = transition.Journal;
        var entry = new JournalEntry
        {
            InstanceId = instance.Id,
            At = j.At,
            Actor = j.Actor,
            Trigger = j.Trigger,
            FromState = string.IsNullOrEmpty(j.From) ? null : j.From,
            ToState = j.To,
            Comment = j.Comment,
            InputJson = JsonSerializer.Serialize(j.Input),
            Imported = imported,
        };
        db.Journal.Add(entry);
        foreach (var timer in transition.Timers.Set)
            db.Timers.Add(new WorkflowTimer { InstanceId = instance.Id, TimerId = timer.TimerId, DueAt = timer.DueAt, Kind = timer.Kind, Level = timer.Level });
        foreach (var timer in transition.Timers.SkipList)
            db.Timers.Add(new WorkflowTimer { InstanceId = instance.Id, TimerId = timer.TimerId, DueAt = timer.DueAt, Kind = timer.Kind, Level = timer.Level, Status = TimerStatus.Skipped });
        return entry;
    }

    private static MissionFlowException Refusal(Refused refused) => refused.Kind switch
    {
        RefusalKind.Forbidden => new ForbiddenException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.InvalidInput => new InvalidRequestException(refused.Field ?? "input", refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.UnknownTrigger => new NotFoundException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        _ => new ConflictException(refused.Reason, refused.Field) { Code = refused.Code, Args = refused.Args },
    };

    private sealed class ConnectionRelease(MissionFlowDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
