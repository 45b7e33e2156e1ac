namespace MissionFlow.Core.Workflows;

/// <summary>One transition of one instance, written in the same transaction as the state it records.</summary>
public sealed class JournalEntry
{
    /// <summary>Given by the database; a fire's entry has it by the time the host's effects are added.</summary>
    public long Id { get; internal set; }
    public required Guid InstanceId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Trigger { get; init; }
    public string? FromState { get; init; }
    public required string ToState { get; init; }
    public string? Comment { get; init; }
    public string InputJson { get; init; } = "{}";

    /// <summary>Entered after the fact (a council importing its history), not lived in MissionFlow.</summary>
    public bool Imported { get; init; }
}
