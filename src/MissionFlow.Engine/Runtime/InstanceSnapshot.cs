namespace MissionFlow.Engine.Runtime;

/// <summary>
/// What the runtime needs of a running instance: its state, its data (flat strings: dates as yyyy-MM-dd, the
/// agency id under "agencyId"), and its stored timers when the host has read them: those still pending, and
/// those already done (fired or skipped) at their due time, so that a later transition never schedules a timer
/// that has had its say. Without them (null) the runtime decides all it can, and answers
/// <see cref="TimersNeeded"/> only for a transition that moves the timers.
/// </summary>
public sealed record InstanceSnapshot(
    string State,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<PendingTimer>? PendingTimers = null,
    IReadOnlyList<PendingTimer>? DoneTimers = null)
{
    public const string AgencyKey = "agencyId";

    public IReadOnlyList<PendingTimer> DoneList => DoneTimers ?? [];
}

public sealed record PendingTimer(string TimerId, DateTimeOffset DueAt);
