using MissionFlow.Core.Notifications;

namespace MissionFlow.Web.Jobs;

/// <summary>Section "MissionFlow:Reminders": the email side and the Hangfire jobs that drive it.</summary>
public sealed class RemindersOptions
{
    public NotificationOptions Mail { get; set; } = new();
    public JobOptions Jobs { get; set; } = new();
}

/// <summary>Hangfire: where it keeps its jobs, whether this process runs them, how much a sweep takes.</summary>
public sealed class JobOptions
{
    /// <summary>Run the Hangfire server in this process. Off on a node that should only serve HTTP.</summary>
    public bool Server { get; set; } = true;

    /// <summary>InMemory, PostgreSql or SqlServer; empty: InMemory on SQLite, else the database's own provider.</summary>
    public string? Storage { get; set; }

    /// <summary>Hangfire's own connection string; empty: MissionFlow's database.</summary>
    public string? ConnectionString { get; set; }

    public int WorkerCount { get; set; } = 2;

    /// <summary>Timers fired per sweep run (about a second per thousand); the rest wait for the next minute.</summary>
    public int SweepBatchSize { get; set; } = 10_000;

    /// <summary>When the weekly digest goes out, as cron in the council's time zone (Monday 07:30).</summary>
    public string WeeklyDigestCron { get; set; } = "30 7 * * 1";
}
