namespace MissionFlow.Engine.Definitions;

/// <summary>
/// One version of a workflow, immutable once published. <see cref="Hash"/> is the SHA-256 of what the file makes
/// instances do (its compact JSON without the triggers' "meaning"): an instance is pinned to (id, version, hash) and
/// never sees a later edit of its behaviour.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Name,
    string InitialState,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    IReadOnlyList<TimerDefinition>? Timers = null,
    IReadOnlyList<TemplateDefinition>? Templates = null,
    string? Regime = null,
    LadderDefinition? Ladder = null)
{
    public string Hash { get; init; } = "";

    /// <summary>The file's text, kept so a stored version can be served and reloaded exactly.</summary>
    public string Source { get; init; } = "";

    /// <summary>The file it was read from, for error messages; empty for a version read back from storage.</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>The file's timers and, with a ladder, the one that opens its first rung.</summary>
    public IReadOnlyList<TimerDefinition> TimerList => Ladder is { Rungs.Count: > 0 } ladder ? [.. Timers ?? [], ladder.StartTimer] : Timers ?? [];

    public IReadOnlyList<TemplateDefinition> TemplateList => Templates ?? [];

    public StateDefinition? FindState(string id) => States.FirstOrDefault(s => s.Id == id);
    public TemplateDefinition? FindTemplate(string id) => TemplateList.FirstOrDefault(t => t.Id == id);

    /// <summary>The transitions <paramref name="trigger"/> may take from <paramref name="fromState"/>, told apart by their <c>when</c>.</summary>
    public IReadOnlyList<TransitionDefinition> TransitionsFrom(string trigger, string fromState) =>
        Transitions.Where(t => t.Trigger == trigger && t.From.Contains(fromState)).ToList();

    /// <summary>
    /// The transition <paramref name="input"/> selects among the trigger's transitions from the state; without
    /// input, the first of them (enough to know the trigger is on offer there).
    /// </summary>
    public TransitionDefinition? FindTransition(string trigger, string fromState, IReadOnlyDictionary<string, string?>? input = null) =>
        TransitionsFrom(trigger, fromState).FirstOrDefault(t => input is null || t.Matches(input));

    /// <summary>
    /// The fields a form for the trigger shows: every input of its transitions from the state, once, required
    /// only where every one of them requires it (a new deadline only for some results).
    /// </summary>
    public IReadOnlyList<InputDefinition> InputsFor(string trigger, string fromState)
    {
        var transitions = TransitionsFrom(trigger, fromState);
        return transitions.SelectMany(t => t.InputList).GroupBy(i => i.Name)
            .Select(g => g.First() with { Required = transitions.All(t => t.InputList.Any(i => i.Name == g.Key && i.Required)) })
            .ToList();
    }

    /// <summary>The triggers of this version that carry <paramref name="meaning"/> (none if no transition says so).</summary>
    public IReadOnlySet<string> TriggersMeaning(TriggerMeaning meaning) =>
        Transitions.Where(t => t.Meaning == meaning).Select(t => t.Trigger).ToHashSet(StringComparer.Ordinal);

    /// <summary>What <paramref name="trigger"/> means in this version; null for a trigger without a meaning or unknown here.</summary>
    public TriggerMeaning? MeaningOf(string trigger) => Transitions.FirstOrDefault(t => t.Trigger == trigger)?.Meaning;

    /// <summary>The trigger carrying <paramref name="meaning"/> that may fire from <paramref name="fromState"/>; null if none.</summary>
    public string? TriggerFor(TriggerMeaning meaning, string fromState) =>
        Transitions.FirstOrDefault(t => t.Meaning == meaning && t.From.Contains(fromState))?.Trigger;

    public bool IsFinal(string state) => FindState(state)?.Final == true;
}
