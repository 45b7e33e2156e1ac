namespace MissionFlow.Engine.Definitions;

/// <summary>Starts one instance of <see cref="Workflow"/> for each item of kind <see cref="Per"/> the host holds.</summary>
public sealed record SpawnDefinition(string Workflow, string Per);
