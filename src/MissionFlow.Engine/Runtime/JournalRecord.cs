namespace MissionFlow.Engine.Runtime;

/// <summary>One line of the execution journal: the audit trail the committee reports from.</summary>
public sealed record JournalRecord(
    DateTimeOffset At,
    string Actor,
    string Trigger,
    string? From,
    string To,
    string? Comment,
    IReadOnlyDictionary<string, string> Input);
