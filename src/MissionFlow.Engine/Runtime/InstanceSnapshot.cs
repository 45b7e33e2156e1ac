namespace MissionFlow.Engine.Runtime;

/// <summary>
/// What the runtime needs of a running instance: its state, its data (flat strings: dates as yyyy-MM-dd, the
/// agency id under "agencyId"), and the timers still pending.
/// </summary>
public sealed record InstanceSnapshot(string State, IReadOnlyDictionary<string, string> Data, IReadOnlyList<PendingTimer> PendingTimers)
{
    public const string AgencyKey = "agencyId";
}

public sealed record PendingTimer(string TimerId, DateTimeOffset DueAt);
