namespace MissionFlow.Engine.Definitions;

/// <summary>
/// All definitions of a folder, or none: a folder with any error loads nothing, so a server never runs on half
/// of its workflows.
/// </summary>
public sealed record DefinitionLoadResult(IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static DefinitionLoadResult Failed(IReadOnlyList<DefinitionError> errors) => new([], errors);
}
