using Hangfire;
using MissionFlow.Core.Idempotency;

namespace MissionFlow.Web.Jobs;

/// <summary>
/// Hourly: forgets the Idempotency-Key records past their lifetime, in one DELETE that loads no row. A key used
/// again before the purge is forgotten at that moment anyway (see <see cref="IdempotencyStore.ClaimAsync"/>), so
/// the purge only keeps the table small.
/// </summary>
[AutomaticRetry(Attempts = 0)] // the next hour's run deletes whatever this one left
public sealed class IdempotencyPurgeJob(IdempotencyStore store, ILogger<IdempotencyPurgeJob> log)
{
    public const string Id = "idempotency-purge";

    public async Task RunAsync(CancellationToken ct)
    {
        var deleted = await store.PurgeExpiredAsync(ct);
        if (deleted > 0)
            log.LogInformation("Purged {Count} expired idempotency records.", deleted);
    }
}
