using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MissionFlow.Web.Health;

/// <summary>
/// A Hangfire server has beaten lately, in this process or another sharing the storage: without one, no timer
/// fires and no email leaves, so the app is not ready.
/// </summary>
internal sealed class JobServerCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    /// <summary>Four of Hangfire's 30-second heartbeats: a server silent that long has stopped.</summary>
    private static readonly TimeSpan Silent = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var beats = storage.GetMonitoringApi().Servers()
            .Where(s => s.Heartbeat is { } beat && now - beat < Silent)
            .Select(s => s.Heartbeat!.Value)
            .ToList();
        var data = new Dictionary<string, object> { ["servers"] = beats.Count };
        if (beats.Count == 0)
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "No job server has a recent heartbeat: timers do not fire and emails do not leave.", data: data));
        data["lastHeartbeatSeconds"] = (int)(now - beats.Max()).TotalSeconds;
        return Task.FromResult(HealthCheckResult.Healthy("A job server is running.", data));
    }
}
