using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Backup;

/// <summary>
/// Writes one archive (.zip) of the data folder while the application runs: the database through SQLite's online
/// backup API (a consistent snapshot, writers not stopped; a copy of the live file could be torn), then the
/// uploaded files and the key ring, then the manifest. The database goes first: uploads are written before the row
/// that names them and never change, so every file a snapshot row names is already on disk. The archive is
/// written under a .partial name and renamed when whole, so a crash never leaves something that looks like a back-up.
/// </summary>
public sealed class BackupWriter(BackupSource source, string folder, int keep, TimeProvider time)
{
    private const string Prefix = "missionflow-";
    private const string Extension = ".zip";

    public string Folder => folder;

    /// <summary>Writes a new archive, deletes those beyond the number kept, and returns the new one's path.</summary>
    public string Write()
    {
        OwnerOnly.CreateDirectory(folder);
        var createdAt = time.GetUtcNow();
        var path = Path.Combine(folder, $"{Prefix}{createdAt:yyyyMMdd-HHmmss-fff}{Extension}");
        var partial = path + ".partial";
        try
        {
            using (var stream = OwnerOnly.CreateFile(partial))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var entries = new List<BackupEntry>();
                    if (source.SqliteFile is { } database)
                        entries.Add(AddSnapshot(zip, database));
                    entries.AddRange(AddFolder(zip, source.Files, "files"));
                    entries.AddRange(AddFolder(zip, source.KeyRing, "keys"));
                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, Version, createdAt, source.Provider.ToString(), entries);
                    using var json = zip.CreateEntry(BackupManifest.EntryName).Open();
                    json.Write(manifest.ToJson());
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
        Prune();
        return path;
    }

    private BackupEntry AddSnapshot(ZipArchive zip, string database)
    {
        var snapshot = Path.Combine(folder, $".snapshot-{Guid.NewGuid():N}.db");
        try
        {
            OwnerOnly.CreateFile(snapshot).Dispose();
            using (var from = Open(database, SqliteOpenMode.ReadOnly))
            using (var to = Open(snapshot, SqliteOpenMode.ReadWrite))
                from.BackupDatabase(to);
            return Add(zip, snapshot, BackupManifest.DatabaseEntry);
        }
        finally
        {
            foreach (var part in new[] { snapshot, snapshot + "-wal", snapshot + "-shm", snapshot + "-journal" })
                File.Delete(part);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<BackupEntry> AddFolder(ZipArchive zip, string root, string name)
    {
        if (!Directory.Exists(root))
            return [];
        // ".upload-…" files are uploads still being received: not yet named by any row.
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => Add(zip, f, $"{name}/{Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')}"))
            .ToList();
    }

    private static BackupEntry Add(ZipArchive zip, string file, string entryName)
    {
        using var from = File.OpenRead(file);
        using var to = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(to, sha, CryptoStreamMode.Write, leaveOpen: true))
            from.CopyTo(hashing);
        return new BackupEntry(entryName, from.Length, Convert.ToHexStringLower(sha.Hash!));
    }

    private void Prune()
    {
        var archives = Directory.EnumerateFiles(folder, $"{Prefix}*{Extension}").Order(StringComparer.Ordinal).ToList();
        foreach (var old in archives.Take(Math.Max(0, archives.Count - keep)))
            File.Delete(old);
    }

    private static string Version =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
