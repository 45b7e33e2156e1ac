using Hangfire;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Timers;

namespace MissionFlow.Web.Jobs;

/// <summary>
/// What Hangfire runs. The jobs only execute: every fact they act on is a row in MissionFlow's database, so a
/// job run twice, or after Hangfire's storage was lost, does no harm. Sweep-and-deliver and delivery share one
/// lock, so an email never goes out while the sweep is still adding to what that person hears today.
/// </summary>
[AutomaticRetry(Attempts = 0)] // a recurring job runs again next minute; retries would only queue behind it
public sealed class ReminderJobs(TimerSweep sweep, OutboxDelivery delivery, WeeklyDigest digest, JobStorage storage, RemindersOptions options)
{
    public const string Sweep = "timer-sweep";
    public const string Delivery = "outbox-delivery";
    public const string Weekly = "weekly-digest";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    public async Task SweepAndDeliverAsync(CancellationToken ct)
    {
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock("missionflow:reminders", LockWait);
        await sweep.RunAsync(options.Jobs.SweepBatchSize, ct);
        await delivery.RunAsync(ct);
    }

    public async Task DeliverAsync(CancellationToken ct)
    {
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock("missionflow:reminders", LockWait);
        await delivery.RunAsync(ct);
    }

    public Task QueueWeeklyDigestAsync(CancellationToken ct) => digest.QueueAsync(ct);
}
