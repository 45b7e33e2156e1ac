using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Health;

/// <summary>How many emails wait and how long the oldest has waited; counts and ages only, never an address or subject.</summary>
internal sealed class OutboxCheck(MissionFlowDbContext db, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var queued = db.Outbox.Where(m => m.Status == OutboxStatus.Queued);
        var count = await queued.CountAsync(ct);
        var oldest = await queued.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var age = oldest is { } created ? time.GetUtcNow() - created : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["queued"] = count,
            ["oldestQueuedSeconds"] = (long)Math.Max(0, age.TotalSeconds),
            ["failed"] = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Failed, ct),
        };
        return age > TimeSpan.FromMinutes(options.QueuedEmailDegradedAfterMinutes)
            ? HealthCheckResult.Degraded("The oldest queued email has waited too long.", data: data)
            : HealthCheckResult.Healthy("Emails leave on time.", data);
    }
}
