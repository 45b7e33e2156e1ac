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
}
