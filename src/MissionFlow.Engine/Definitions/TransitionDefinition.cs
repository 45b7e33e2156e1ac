namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A human step: the instance waits in one of <see cref="From"/> until an actor holding one of
/// <see cref="Roles"/> fires <see cref="Trigger"/>. <see cref="Assign"/> maps data keys to "input.x",
/// "data.x" or null (remove).
/// </summary>
public sealed record TransitionDefinition(
    string Trigger,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    TransitionScope Scope = TransitionScope.Any,
    IReadOnlyList<InputDefinition>? Inputs = null,
    IReadOnlyList<Requirement>? Requires = null,
    IReadOnlyDictionary<string, string?>? Assign = null,
    SpawnDefinition? Spawn = null)
{
    public IReadOnlyList<InputDefinition> InputList => Inputs ?? [];
    public IReadOnlyList<Requirement> RequirementList => Requires ?? [];
}

public enum TransitionScope { Any, Agency }
