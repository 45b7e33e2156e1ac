namespace MissionFlow.Engine.Definitions;

/// <summary>A field a trigger takes from the actor. <see cref="After"/> names a data date the value must follow.</summary>
public sealed record InputDefinition(
    string Name,
    InputType Type,
    bool Required = false,
    int? Min = null,
    int? Max = null,
    IReadOnlyList<string>? Values = null,
    string? After = null);

public enum InputType { Text, Integer, Date, Choice }
