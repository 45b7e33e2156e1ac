using Hangfire;

namespace MissionFlow.Web.Backup;

/// <summary>The scheduled back-up (daily by default, MissionFlow:Backup:Cron); a failed one shows in the dashboard and is retried.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class BackupJob(BackupWriter writer, ILogger<BackupJob> log)
{
    public const string Id = "backup";

    public void Run()
    {
        var archive = writer.Write();
        log.LogInformation("Back-up written to {Archive}.", archive);
    }
}
