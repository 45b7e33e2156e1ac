namespace MissionFlow.Core.Workflows;

/// <summary>A published definition version, kept forever so instances pinned to it can always be loaded.</summary>
public sealed class StoredDefinition
{
    public required string WorkflowId { get; init; }
    public required int Version { get; init; }
    public required string Hash { get; init; }
    public required string Name { get; init; }
    /// <summary>The file's text; replaced only when a republished file differs in its triggers' meanings alone.</summary>
    public required string Source { get; set; }
    public DateTimeOffset PublishedAt { get; init; }
}
