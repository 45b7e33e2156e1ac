namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A human step: the instance waits in one of <see cref="From"/> until an actor holding one of
/// <see cref="Roles"/> fires <see cref="Trigger"/>. <see cref="Assign"/> maps data keys to "input.x",
/// "data.x", "value.text" (that text) or null (remove). <see cref="When"/> (choice input → values) lets one trigger lead to different
/// states by what the actor chose: the transition applies only when every named input holds one of its values.
/// <see cref="Meaning"/> says what the trigger does for the host's read models; it never changes how it fires.
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
    SpawnDefinition? Spawn = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? When = null,
    TriggerMeaning? Meaning = null)
{
    public IReadOnlyList<InputDefinition> InputList => Inputs ?? [];
    public IReadOnlyList<Requirement> RequirementList => Requires ?? [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WhenMap => When ?? new Dictionary<string, IReadOnlyList<string>>();

    public bool Matches(IReadOnlyDictionary<string, string?> input) =>
        WhenMap.All(w => input.GetValueOrDefault(w.Key) is { } value && w.Value.Contains(value));

    /// <summary>
    /// Whether no input can match both transitions: some input both constrain, with no value in common. Two
    /// transitions of one trigger from one state must be told apart this way, or the choice would depend on order.
    /// </summary>
    public bool ToldApartFrom(TransitionDefinition other) =>
        WhenMap.Any(w => other.WhenMap.TryGetValue(w.Key, out var values) && !w.Value.Intersect(values).Any());
}

public enum TransitionScope { Any, Agency }
