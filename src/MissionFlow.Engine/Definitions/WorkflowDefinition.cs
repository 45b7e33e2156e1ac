namespace MissionFlow.Engine.Definitions;

/// <summary>
/// One version of a workflow, immutable once published. <see cref="Hash"/> is the SHA-256 of the file's bytes:
/// an instance is pinned to (id, version, hash) and never sees a later edit.
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

    public TransitionDefinition? FindTransition(string trigger, string fromState) =>
        Transitions.FirstOrDefault(t => t.Trigger == trigger && t.From.Contains(fromState));

    public bool IsFinal(string state) => FindState(state)?.Final == true;
}
