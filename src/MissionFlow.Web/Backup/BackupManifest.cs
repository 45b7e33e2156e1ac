using System.Text.Json;

namespace MissionFlow.Web.Backup;

/// <summary>
/// manifest.json, the last entry of every archive: what it holds and the SHA-256 of each entry, so a restore can
/// tell a whole archive from a truncated or altered one before it writes anything.
/// </summary>
public sealed record BackupManifest(int Format, string Version, DateTimeOffset CreatedAt, string Database, IReadOnlyList<BackupEntry> Entries)
{
    public const string EntryName = "manifest.json";
    public const int CurrentFormat = 1;
    public const string DatabaseEntry = "database/missionflow.db";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool HoldsDatabase => Entries.Any(e => e.Path == DatabaseEntry);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? FromJson(Stream json) => JsonSerializer.Deserialize<BackupManifest>(json, Json);
}

/// <summary>One file of the archive: its path inside it, its length and its SHA-256 (hex, lower case).</summary>
public sealed record BackupEntry(string Path, long Length, string Sha256);
