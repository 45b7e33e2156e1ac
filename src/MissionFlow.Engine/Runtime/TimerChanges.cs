using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>The timers to add and the pending ones to cancel so the stored set matches the new state and data.</summary>
public sealed record TimerChanges(IReadOnlyList<ScheduledTimer> Set, IReadOnlyList<string> Cancel)
{
    public static TimerChanges None { get; } = new([], []);
}

public sealed record ScheduledTimer(string TimerId, DateTimeOffset DueAt, TimerKind Kind, int? Level);
