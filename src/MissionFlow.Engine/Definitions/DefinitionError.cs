namespace MissionFlow.Engine.Definitions;

/// <summary>What is wrong with a workflow or calendar file, and where: the file, the JSON path and the 1-based line.</summary>
public sealed record DefinitionError(string File, string JsonPath, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {JsonPath}: {Message}";
}
