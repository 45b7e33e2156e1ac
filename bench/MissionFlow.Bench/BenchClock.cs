namespace MissionFlow.Bench;

/// <summary>The clock the app's services read: set by the benchmark, so "now" is chosen, not waited for.</summary>
public sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
