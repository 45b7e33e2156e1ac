using System.IO.Compression;
using System.Security.Cryptography;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Backup;

/// <summary>
/// An archive checked whole before anything is restored from it: a readable zip, a manifest of a known format,
/// exactly the entries the manifest lists (no path that leaves the data folder) and each one's SHA-256 and length.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private static readonly string[] Parts = ["database/", "files/", "keys/"];

    private readonly ZipArchive _zip;

    public BackupManifest Manifest { get; }

    private BackupArchive(ZipArchive zip, BackupManifest manifest)
    {
        _zip = zip;
        Manifest = manifest;
    }

    /// <summary>Opens and checks the archive, or throws <see cref="BackupRefusedException"/> naming what is wrong.</summary>
    public static BackupArchive Open(string path)
    {
        if (!File.Exists(path))
            throw new BackupRefusedException($"There is no archive at {path}.");
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(path);
            var archive = new BackupArchive(zip, ReadManifest(zip, path));
            archive.Check(path);
            return archive;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            zip?.Dispose();
            throw new BackupRefusedException($"{path} is not a whole MissionFlow back-up: it is truncated or damaged, and nothing was restored.");
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }

    /// <summary>Writes every entry under its place: "database/…" to <paramref name="database"/>, the rest under <paramref name="root"/>.</summary>
    public void ExtractTo(string root, string database)
    {
        foreach (var entry in Manifest.Entries)
        {
            var target = entry.Path == BackupManifest.DatabaseEntry
                ? database
                : Path.Combine(root, entry.Path.Replace('/', Path.DirectorySeparatorChar));
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(target)!);
            using var from = _zip.GetEntry(entry.Path)!.Open();
            using var to = OwnerOnly.CreateFile(target);
            from.CopyTo(to);
        }
    }

    public void Dispose() => _zip.Dispose();

    private static BackupManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupRefusedException($"{path} is not a MissionFlow back-up (it has no {BackupManifest.EntryName}).");
        using var json = entry.Open();
        var manifest = BackupManifest.FromJson(json);
        if (manifest?.Entries is null)
            throw new BackupRefusedException($"{path} is not a MissionFlow back-up (its {BackupManifest.EntryName} is empty).");
        if (manifest.Format != BackupManifest.CurrentFormat)
            throw new BackupRefusedException($"{path} is a back-up of format {manifest.Format}, which this version of MissionFlow (format {BackupManifest.CurrentFormat}) does not read.");
        return manifest;
    }

    private void Check(string path)
    {
        var listed = Manifest.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var present = _zip.Entries.Select(e => e.FullName).Where(n => n != BackupManifest.EntryName).ToHashSet(StringComparer.Ordinal);
        if (!listed.SetEquals(present) || listed.Count != Manifest.Entries.Count)
            throw new BackupRefusedException($"{path} does not hold exactly the files its manifest lists, and nothing was restored.");
        foreach (var entry in Manifest.Entries)
        {
            if (!Parts.Any(entry.Path.StartsWith) || entry.Path.Split('/').Any(p => p is "" or "." or ".."))
                throw new BackupRefusedException($"{path} names a file outside the data folder ({entry.Path}).");
            using var content = _zip.GetEntry(entry.Path)!.Open();
            var hash = HashOf(content, out var length);
            if (hash != entry.Sha256 || length != entry.Length)
                throw new BackupRefusedException($"{path} is damaged: {entry.Path} does not match the checksum in its manifest, and nothing was restored.");
        }
    }

    private static string HashOf(Stream content, out long length)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        length = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            length += read;
            sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
