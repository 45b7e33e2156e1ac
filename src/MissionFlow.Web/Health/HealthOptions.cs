namespace MissionFlow.Web.Health;

/// <summary>Section "MissionFlow:Health": how /health/ready probes and when it calls a figure degraded.</summary>
public sealed class HealthOptions
{
    /// <summary>Seconds the relay probe waits for the relay to connect and greet; a delivery waits longer.</summary>
    public int RelayProbeSeconds { get; set; } = 5;

    /// <summary>Seconds a relay probe's answer is reused, so frequent probes do not hammer the relay.</summary>
    public int RelayCacheSeconds { get; set; } = 60;

    /// <summary>Minutes the oldest queued email may wait before the outbox counts as degraded.</summary>
    public int QueuedEmailDegradedAfterMinutes { get; set; } = 60;

    /// <summary>Days a timer set aside as failed keeps the timers check degraded: long enough for someone to look.</summary>
    public int FailedTimerDays { get; set; } = 7;
}
