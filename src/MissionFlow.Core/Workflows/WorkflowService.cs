using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Runs the engine against the database: starts instances, and asks the runtime whether a trigger fires (reading
/// the instance's timers only for a transition that moves them); <see cref="TransitionStore"/> writes what it decided.
/// </summary>
public sealed class WorkflowService(MissionFlowDbContext db, DefinitionCatalog catalog, WorkflowRuntime runtime, TransitionStore store, TimeProvider time)
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
        db.Journal.Add(TransitionStore.Entry(instance.Id, started, imported));
        db.Timers.AddRange(TransitionStore.Timers(instance.Id, started));
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
    /// Asks the runtime whether <paramref name="trigger"/> may fire on <paramref name="instance"/> as read, reading
    /// its timers only for a transition that moves them; writes nothing. A refusal throws.
    /// </summary>
    public async Task<Decision> DecideAsync(
        WorkflowInstance instance,
        string trigger,
        Actor actor,
        IReadOnlyDictionary<string, string?> input,
        IReadOnlySet<string>? facts = null,
        bool imported = false,
        CancellationToken ct = default)
    {
        var definition = DefinitionOf(instance);
        var request = new FireRequest(trigger, actor, input, time.GetUtcNow(), facts);
        var snapshot = new InstanceSnapshot(instance.State, instance.Data);
        var outcome = runtime.Fire(definition, snapshot, request);
        if (outcome is TimersNeeded)
        {
            await using var _ = await HeldConnection.OpenAsync(db, ct);
            outcome = runtime.Fire(definition, await WithTimersAsync(snapshot, instance.Id, ct), request);
        }
        if (outcome is Refused refused)
            throw Refusal(refused);
        return new Decision(instance, definition, (Transitioned)outcome, imported);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> with no effects of the host's: state, journal and timers are written in one
    /// transaction (the caller's, or one of its own). A refusal throws before anything is written; losing a race
    /// to another fire on the same instance throws <see cref="ConflictException"/> and writes nothing.
    /// </summary>
    public async Task<FireResult> FireAsync(
        WorkflowInstance instance,
        string trigger,
        Actor actor,
        IReadOnlyDictionary<string, string?> input,
        IReadOnlySet<string>? facts = null,
        CancellationToken ct = default)
    {
        await using var _ = await HeldConnection.OpenAsync(db, ct);
        return await store.WriteAsync(await DecideAsync(instance, trigger, actor, input, facts, ct: ct), TransitionEffects.None, ct);
    }

    private static MissionFlowException Refusal(Refused refused) => refused.Kind switch
    {
        RefusalKind.Forbidden => new ForbiddenException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.InvalidInput => new InvalidRequestException(refused.Field ?? "input", refused.Reason) { Code = refused.Code, Args = refused.Args },
        RefusalKind.UnknownTrigger => new NotFoundException(refused.Reason) { Code = refused.Code, Args = refused.Args },
        _ => new ConflictException(refused.Reason, refused.Field) { Code = refused.Code, Args = refused.Args },
    };
}
