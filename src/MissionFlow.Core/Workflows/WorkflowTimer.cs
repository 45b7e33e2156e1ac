using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// A durable timer row: the sweep fires it once, marking it fired in the same transaction as its effects.
/// Cancelled rows stay as history (an extension shows what the old reminders would have been).
/// </summary>
public sealed class WorkflowTimer
{
    public long Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string TimerId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required TimerKind Kind { get; init; }
    public int? Level { get; init; }
    public TimerStatus Status { get; set; } = TimerStatus.Pending;
    public DateTimeOffset? FiredAt { get; set; }
}

/// <summary>
/// Skipped: already past when scheduled and folded into a later timer's notice (never fired). Failed: firing it
/// threw on its own, so the sweep set it aside rather than let it hold up the timers due after it.
/// </summary>
public enum TimerStatus { Pending, Fired, Cancelled, Skipped, Failed }
