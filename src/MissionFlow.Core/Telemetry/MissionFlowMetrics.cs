using System.Diagnostics.Metrics;

namespace MissionFlow.Core.Telemetry;

/// <summary>
/// MissionFlow's own meter: what the engine did, counted where it happens. The host exports it (Prometheus or
/// OTLP) only when configured; unobserved, each measurement costs a check that nobody listens.
/// </summary>
public sealed class MissionFlowMetrics
{
    public const string MeterName = "MissionFlow";

    private readonly Counter<long> _transitions;
    private readonly Counter<long> _timersFired;
    private readonly Counter<long> _timersFailed;
    private readonly Counter<long> _emailsQueued;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;
    private readonly Histogram<double> _sweepDuration;

    public MissionFlowMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _transitions = meter.CreateCounter<long>("missionflow.transitions", "{transition}", "Workflow transitions fired by people, by workflow and trigger.");
        _timersFired = meter.CreateCounter<long>("missionflow.timers.fired", "{timer}", "Due timers fired by the sweep.");
        _timersFailed = meter.CreateCounter<long>("missionflow.timers.failed", "{timer}", "Timers set aside as failed because firing them failed on its own.");
        _emailsQueued = meter.CreateCounter<long>("missionflow.emails.queued", "{email}", "Outbox rows written, by kind.");
        _emailsSent = meter.CreateCounter<long>("missionflow.emails.sent", "{email}", "Outbox rows handed to the relay or the pickup folder.");
        _emailsFailed = meter.CreateCounter<long>("missionflow.emails.failed", "{email}", "Outbox rows given up: refused for good or out of attempts.");
        _sweepDuration = meter.CreateHistogram<double>("missionflow.timer_sweep.duration", "s", "How long one timer sweep took.");
    }

    public void Transition(string workflow, string trigger) =>
        _transitions.Add(1, new("workflow", workflow), new("trigger", trigger));

    public void TimersFired(int count) => _timersFired.Add(count);

    public void TimerFailed() => _timersFailed.Add(1);

    public void EmailsQueued(IEnumerable<string> kinds)
    {
        foreach (var kind in kinds)
            _emailsQueued.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void EmailsSent(int rows) => _emailsSent.Add(rows);

    public void EmailsFailed(int rows) => _emailsFailed.Add(rows);

    public void Sweep(TimeSpan took) => _sweepDuration.Record(took.TotalSeconds);
}
