using MissionFlow.Core.Common;

namespace MissionFlow.Web.Backup;

/// <summary>
/// Rebuilds the data folder from an archive. The archive is checked whole and the target judged before anything is
/// written; the entries are then unpacked beside the data folder and moved into place, so a failure part-way
/// leaves the folder as it was.
/// </summary>
public static class BackupRestore
{
    public static BackupManifest Restore(string archivePath, BackupSource target, bool force)
    {
        using var archive = BackupArchive.Open(archivePath);
        var manifest = archive.Manifest;
        if (manifest.HoldsDatabase && target.SqliteFile is null)
            throw new BackupRefusedException($"The archive holds a SQLite database but MissionFlow:Database:Provider is {target.Provider}; nothing was restored.");
        if (!manifest.HoldsDatabase && target.SqliteFile is not null)
            throw new BackupRefusedException($"The archive holds no database (it was made on {manifest.Database}) and MissionFlow is set to SQLite; nothing was restored.");
        if (!force && InUse(target))
            throw new BackupRefusedException($"The data folder {target.DataDirectory} is not empty; restore overwrites it only when given --force.");

        var data = new DirectoryInfo(target.DataDirectory);
        OwnerOnly.CreateDirectory(data.Parent!.FullName);
        var staging = Path.Combine(data.Parent.FullName, $".{data.Name}.restoring-{Guid.NewGuid():N}");
        OwnerOnly.CreateDirectory(staging);
        try
        {
            var stagedDatabase = Path.Combine(staging, "missionflow.db");
            archive.ExtractTo(staging, stagedDatabase);
            OwnerOnly.CreateDirectory(target.DataDirectory);
            if (target.SqliteFile is { } database)
            {
                // A -wal or -shm left from the database replaced would be replayed over the restored one.
                foreach (var part in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
                    File.Delete(part);
                File.Move(stagedDatabase, database);
            }
            Replace(Path.Combine(staging, "files"), target.Files);
            Replace(Path.Combine(staging, "keys"), target.KeyRing);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        return manifest;
    }

    private static bool InUse(BackupSource target) =>
        (Directory.Exists(target.DataDirectory) && Directory.EnumerateFileSystemEntries(target.DataDirectory).Any())
        || (target.SqliteFile is { } database && File.Exists(database));

    private static void Replace(string staged, string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        if (Directory.Exists(staged))
            Directory.Move(staged, folder);
        else
            OwnerOnly.CreateDirectory(folder);
    }
}
