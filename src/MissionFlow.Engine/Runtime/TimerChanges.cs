using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// The timers to add and the pending ones to cancel so the stored set matches the new state and data.
/// <see cref="Skip"/> holds timers already past when scheduled and folded into a later one: they are stored as
/// skipped so that no later transition schedules them again, and never fire.
/// </summary>
public sealed record TimerChanges(IReadOnlyList<ScheduledTimer> Set, IReadOnlyList<string> Cancel, IReadOnlyList<ScheduledTimer>? Skip = null)
{
    public static TimerChanges None { get; } = new([], []);

    public IReadOnlyList<ScheduledTimer> SkipList => Skip ?? [];
}

public sealed record ScheduledTimer(string TimerId, DateTimeOffset DueAt, TimerKind Kind, int? Level);
