using System.Text.Json;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// A running workflow, pinned to the definition version and hash it started on. <see cref="Revision"/> is the
/// optimistic-concurrency guard, checked once, by the transition store's UPDATE: a fire that read an older revision writes nothing.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string WorkflowId { get; init; }
    public required int WorkflowVersion { get; init; }
    public required string WorkflowHash { get; init; }
    public required string State { get; set; }
    public string DataJson { get; set; } = "{}";
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyDictionary<string, string> Data
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string>>(DataJson) ?? [];
        set => DataJson = JsonSerializer.Serialize(value);
    }
}
