using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// Decides transitions. Pure: given a definition, an instance snapshot and a request, it returns the new state
/// and its effects, or why not; the host persists them in one transaction, with the instance's version as an
/// optimistic-concurrency token.
/// </summary>
public sealed class WorkflowRuntime(TimerScheduler scheduler)
{
    public const string StartTrigger = "start";

    /// <summary>A new instance in the initial state, with <paramref name="data"/> and the timers it implies.</summary>
    public Transitioned Start(WorkflowDefinition definition, IReadOnlyDictionary<string, string> data, Actor actor, DateTimeOffset now, string? comment = null)
    {
        var journal = new JournalRecord(now, actor.Id, StartTrigger, null, definition.InitialState, comment, new Dictionary<string, string>());
        var timers = scheduler.Reconcile(definition, definition.InitialState, data, [], now: now);
        return new Transitioned("", definition.InitialState, data, journal, timers, null);
    }

    public FireOutcome Fire(WorkflowDefinition definition, InstanceSnapshot instance, FireRequest request)
    {
        if (!definition.Transitions.Any(t => t.Trigger == request.Trigger))
            return new Refused(RefusalKind.UnknownTrigger, $"Workflow '{definition.Id}' has no trigger '{request.Trigger}'.") { Code = "unknown-trigger", Args = [request.Trigger] };
        // "Never yours" outranks "not now": an agency officer asking to cancel a mission hears 403, not 409.
        var mayEver = request.Actor.IsSystem || definition.Transitions.Any(t => t.Trigger == request.Trigger && t.Roles.Any(request.Actor.Roles.Contains));
        if (!mayEver)
            return new Refused(RefusalKind.Forbidden, $"'{request.Trigger}' is for: {string.Join(", ", definition.Transitions.Where(t => t.Trigger == request.Trigger).SelectMany(t => t.Roles).Distinct())}.")
                { Code = "forbidden", Args = [request.Trigger] };
        var candidates = definition.TransitionsFrom(request.Trigger, instance.State);
        if (candidates.Count == 0)
            return new Refused(RefusalKind.WrongState, $"'{request.Trigger}' cannot be fired in state '{instance.State}'.") { Code = "wrong-state", Args = [request.Trigger] };
        var today = scheduler.Clock.LocalDate(request.Now);
        var transition = candidates.FirstOrDefault(t => t.Matches(request.Input));
        if (Guard(transition ?? candidates[0], instance, request.Actor) is { } forbidden)
            return forbidden;
        if (transition is null)
            return InputValidator.Check(candidates[0], request.Input, instance.Data, today) ?? InputValidator.Unmatched(candidates, request.Input);
        if (InputValidator.Check(transition, request.Input, instance.Data, today) is { } invalid)
            return invalid;
        foreach (var requirement in transition.RequirementList)
        {
            var waived = requirement.UnlessInput is { } name && !string.IsNullOrWhiteSpace(request.Input.GetValueOrDefault(name));
            if (!waived && request.Facts?.Contains(requirement.Fact) != true)
                return new Refused(RefusalKind.RequirementUnmet,
                    $"'{request.Trigger}' needs '{requirement.Fact}'" + (requirement.UnlessInput is { } u ? $", or a '{u}'." : "."),
                    requirement.UnlessInput) { Code = "requirement", Args = [request.Trigger, requirement.Fact] };
        }

        var data = Assign(transition, instance.Data, request.Input);
        var given = request.Input
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value) && transition.InputList.Any(i => i.Name == kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value!);
        var journal = new JournalRecord(request.Now, request.Actor.Id, request.Trigger, instance.State, transition.To, request.Comment, given);
        if (TimerChangesFor(definition, instance, transition.To, data, request.Now) is not { } timers)
            return TimersNeeded.Instance;
        return new Transitioned(instance.State, transition.To, data, journal, timers, transition.Spawn);
    }

    /// <summary>
    /// None when the new state and data call for the very timers the old ones did: the stored timers were
    /// reconciled with those already. Otherwise the stored timers reconciled with the new ones, or null when the
    /// snapshot came without them.
    /// </summary>
    private TimerChanges? TimerChangesFor(WorkflowDefinition definition, InstanceSnapshot instance, string to, IReadOnlyDictionary<string, string> data, DateTimeOffset now)
    {
        if (TimerScheduler.SameTimers(definition, instance.State, instance.Data, to, data))
            return TimerChanges.None;
        return instance.PendingTimers is { } pending ? scheduler.Reconcile(definition, to, data, pending, instance.DoneList, now) : null;
    }

    /// <summary>The transitions <paramref name="actor"/> may fire now, inputs aside: what a UI offers as buttons.</summary>
    /// <remarks>
    /// Given the host's <paramref name="facts"/>, a trigger whose required fact is missing is left out, unless an
    /// input can stand in for it (closing early with a reason stays on offer). A trigger whose result picks among several transitions is offered once.
    public IReadOnlyList<TransitionDefinition> Available(WorkflowDefinition definition, InstanceSnapshot instance, Actor actor, IReadOnlySet<string>? facts = null) =>
        definition.Transitions.Where(t => t.From.Contains(instance.State) && Guard(t, instance, actor) is null
            && (facts is null || t.RequirementList.All(r => r.UnlessInput is not null || facts.Contains(r.Fact))))
            .DistinctBy(t => t.Trigger).ToList();

    private static Refused? Guard(TransitionDefinition transition, InstanceSnapshot instance, Actor actor)
    {
        if (!actor.IsSystem && !transition.Roles.Any(actor.Roles.Contains))
            return new Refused(RefusalKind.Forbidden, $"'{transition.Trigger}' is for: {string.Join(", ", transition.Roles)}.") { Code = "forbidden", Args = [transition.Trigger] };
        if (transition.Scope == TransitionScope.Agency && !actor.IsSystem
            && (actor.AgencyId is null || actor.AgencyId != instance.Data.GetValueOrDefault(InstanceSnapshot.AgencyKey)))
            return new Refused(RefusalKind.Forbidden, $"'{transition.Trigger}' is for the assigned agency's own people.") { Code = "forbidden-agency", Args = [transition.Trigger] };
        return null;
    }

    private static Dictionary<string, string> Assign(TransitionDefinition transition, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string?> input)
    {
        var result = new Dictionary<string, string>(data);
        foreach (var (key, source) in transition.Assign ?? new Dictionary<string, string?>())
        {
            var value = source switch
            {
                null => null,
                _ when source.StartsWith("input.", StringComparison.Ordinal) => input.GetValueOrDefault(source["input.".Length..]),
                _ when source.StartsWith("value.", StringComparison.Ordinal) => source["value.".Length..],
                _ => data.GetValueOrDefault(source["data.".Length..]),
            };
            if (value is null)
                result.Remove(key);
            else
                result[key] = value;
        }
        return result;
    }
}
