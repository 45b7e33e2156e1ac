using Cronos;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Backup;

/// <summary>Section "MissionFlow:Backup": where the scheduled archives go, when, and how many are kept.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder of the archives; a relative path is taken from the content root, beside the data folder, not in it.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>Cron in the council's time zone; daily at 01:30 by default.</summary>
    public string Cron { get; set; } = "30 1 * * *";

    /// <summary>Archives kept in the folder; the oldest beyond this are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    public BackupWriter Writer(BackupSource source, string contentRoot, TimeProvider time) =>
        Keep < 1
            ? throw new SettingException($"MissionFlow:Backup:Keep must be 1 or more (it is {Keep}).")
            : new BackupWriter(source, Path.GetFullPath(Folder, contentRoot), Keep, time);

    /// <summary>
    /// Parses <see cref="Cron"/> as Hangfire does (five fields, or six with seconds first), so a malformed one stops
    /// the start naming the setting instead of failing with a stack trace once the database is already migrated.
    /// </summary>
    public void CheckCron()
    {
        var format = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            CronExpression.Parse(Cron, format);
        }
        catch (CronFormatException)
        {
            throw new SettingException($"MissionFlow:Backup:Cron '{Cron}' is not a cron expression (minute hour day-of-month month day-of-week, such as \"30 1 * * *\").");
        }
    }
}
