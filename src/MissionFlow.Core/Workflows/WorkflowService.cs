using MissionFlow.Core.Telemetry;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Runs the engine against the database: asks the runtime (reading the instance's timers only for a transition
/// that moves them), then writes state, journal and timers through <see cref="TransitionWriter"/> and the host's
/// own effects through SaveChanges, in one transaction guarded by the instance's revision.
/// </summary>
public sealed class WorkflowService(MissionFlowDbContext db, DefinitionCatalog catalog, WorkflowRuntime runtime, TimeProvider time, MissionFlowMetrics metrics)
{
    /// <summary>
    /// Adds a new instance on the latest version of <paramref name="regime"/>'s definitions to the unit of work;
    /// the caller saves. A mission's regime, not today's, picks the version: an imported 2018 mission and its
    /// recommendations run on Law 87/2015's definitions.
    /// </summary>
    public WorkflowInstance Start(string workflowId, string regime, IReadOnlyDictionary<string, string> data, Actor actor, bool imported = false)
    {
        var definition = catalog.Latest(workflowId, regime);
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
        db.Journal.Add(Entry(instance.Id, started, imported));
        db.Timers.AddRange(Timers(instance.Id, started));
        return instance;
    }

    /// <summary>An instance's journal, oldest first: the one query behind every history shown.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid? instanceId, CancellationToken ct = default) =>
        await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(ct);

    public WorkflowDefinition DefinitionOf(WorkflowInstance instance) => catalog.Get(instance.WorkflowId, instance.WorkflowVersion);

    /// <summary>The instance with its stored timers, for a transition that moves them.</summary>
    private async Task<InstanceSnapshot> WithTimersAsync(InstanceSnapshot instance, Guid instanceId, CancellationToken ct)
    {
        List<PendingTimer> pending = [], done = [];
        await foreach (var timer in LiveTimers.For(db)(db, instanceId).WithCancellation(ct))
            (timer.Status == TimerStatus.Pending ? pending : done).Add(new PendingTimer(timer.TimerId, timer.DueAt));
        return instance with { PendingTimers = pending, DoneTimers = done };
    }

    /// <summary>
    /// The instance's timers that still matter (pending, fired, skipped), compiled: every extension and closing
    /// reads them. "IN" rather than "not cancelled" keeps the lookup on the index.
    /// </summary>
    private static readonly PerModel<Func<MissionFlowDbContext, Guid, IAsyncEnumerable<LiveTimer>>> LiveTimers = new(_ =>
        EF.CompileAsyncQuery((MissionFlowDbContext db, Guid instanceId) => db.Timers
            .Where(t => t.InstanceId == instanceId && (t.Status == TimerStatus.Pending || t.Status == TimerStatus.Fired || t.Status == TimerStatus.Skipped))
            .Select(t => new LiveTimer(t.TimerId, t.DueAt, t.Status))));

    private sealed record LiveTimer(string TimerId, DateTimeOffset DueAt, TimerStatus Status);

    public IReadOnlyList<TransitionDefinition> Available(WorkflowInstance instance, Actor actor, IReadOnlySet<string>? facts = null) =>
        runtime.Available(DefinitionOf(instance), new InstanceSnapshot(instance.State, instance.Data), actor, facts);

    /// <summary>
    /// Fires <paramref name="trigger"/>: state, journal and timers are written in one transaction (the caller's,
    /// or one of its own). <paramref name="beforeSave"/> adds the host's own effects (spawned recommendations,
    /// files attached to the journal entry) to the unit of work, saved in that transaction. A refusal throws before
    /// anything is written; losing a race to another fire on the same instance throws
    /// <see cref="ConflictException"/> and writes nothing.
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
        await using var _ = await HeldConnection.OpenAsync(db, ct);
        var snapshot = new InstanceSnapshot(instance.State, instance.Data);
        var outcome = runtime.Fire(definition, snapshot, request);
        if (outcome is TimersNeeded)
            outcome = runtime.Fire(definition, await WithTimersAsync(snapshot, instance.Id, ct), request);
        if (outcome is Refused refused)
            throw Refusal(refused);
        var transition = (Transitioned)outcome;

        var update = new InstanceUpdate(instance.Id, instance.Revision, transition.To, JsonSerializer.Serialize(transition.Data), request.Now);
        var entry = Entry(instance.Id, transition, imported);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await TransitionWriter.WriteAsync(db, update, entry, transition.Timers.Cancel, Timers(instance.Id, transition), ct) is not { } journalId)
            throw Conflict(trigger);
        Written(instance, update, entry, journalId);
        if (beforeSave is not null)
            await beforeSave(transition, entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(trigger);
        }
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        // Counted once the transition is written: in a caller's transaction, a later rollback still counts it.
        metrics.Transition(instance.WorkflowId, trigger);
        return new FireResult(instance, transition);
    }

    /// <summary>
    /// Brings the instance up to what the writer stored and tells the unit of work it is saved, so SaveChanges does
    /// not write it again; the journal entry learns its id, for host effects that point at it.
    /// </summary>
    private void Written(WorkflowInstance instance, InstanceUpdate update, JournalEntry entry, long journalId)
    {
        // The entry first, while the instance still matches its snapshot: once the snapshot is moved up to the
        // new values, no later change detection finds the instance modified.
        var tracked = db.Entry(instance);
        instance.State = update.State;
        instance.DataJson = update.DataJson;
        instance.Revision = update.Revision;
        instance.UpdatedAt = update.UpdatedAt;
        if (tracked.State != EntityState.Detached)
            tracked.OriginalValues.SetValues(tracked.CurrentValues);
        entry.Id = journalId;
    }

    private ConflictException Conflict(string trigger)
    {
        db.ChangeTracker.Clear();
        return new ConflictException($"Someone else changed this item first; reload it and try '{trigger}' again.") { Code = "concurrency", Args = [trigger] };
    }

    private static JournalEntry Entry(Guid instanceId, Transitioned transition, bool imported)
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
    private static List<WorkflowTimer> Timers(Guid instanceId, Transitioned transition) =>
        transition.Timers.Set
            .Select(t => new WorkflowTimer { InstanceId = instanceId, TimerId = t.TimerId, DueAt = t.DueAt, Kind = t.Kind, Level = t.Level })
            .Concat(transition.Timers.SkipList.Select(t => new WorkflowTimer
                { InstanceId = instanceId, TimerId = t.TimerId, DueAt = t.DueAt, Kind = t.Kind, Level = t.Level, Status = TimerStatus.Skipped }))
            .ToList();

    private static MissionFlowException Refusal(Refused refused) => refused.Kind switch
    {
        RefusalKind.Forbidden => new ForbiddenException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.InvalidInput => new InvalidRequestException(refused.Field ?? "input", refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.UnknownTrigger => new NotFoundException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        _ => new ConflictException(refused.Reason, refused.Field) { Code = refused.Code, Args = refused.Args },
    };
}
