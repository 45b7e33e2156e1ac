using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Health;

/// <summary>
/// Timers the sweep set aside as failed: each is a reminder or escalation that was never sent. Recent ones make
/// the check degraded; the rows stay as history, so older ones are counted but no longer raise it.
/// </summary>
internal sealed class FailedTimersCheck(MissionFlowDbContext db, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(options.FailedTimerDays);
        var failed = db.Timers.Where(t => t.Status == TimerStatus.Failed);
        var recently = await failed.CountAsync(t => t.FiredAt >= since, ct);
        var data = new Dictionary<string, object> { ["failed"] = await failed.CountAsync(ct), ["failedRecently"] = recently };
        return recently > 0
            ? HealthCheckResult.Degraded("Timers failed to fire lately; the log says why.", data: data)
            : HealthCheckResult.Healthy("No timer failed lately.", data);
    }
}
