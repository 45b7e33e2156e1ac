namespace MissionFlow.Core.Common;

/// <summary>
/// Folders and files only the account running MissionFlow may read: the database, the key ring that signs
/// cookies, tokens and acknowledge links, uploaded evidence and outgoing mail. On Unix that is 0700 and 0600
/// whatever the umask; on Windows the folder's inherited ACL decides, as Windows has no such mode.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and its parents) owner-only; an existing one open to group or others is closed.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Directory.Exists(path))
            Tighten(path, Folder);
        else
            Directory.CreateDirectory(path, Folder);
    }

    /// <summary>An existing file open to group or others is closed; a missing one is left missing.</summary>
    public static void TightenFile(string path)
    {
        if (!OperatingSystem.IsWindows() && System.IO.File.Exists(path))
            Tighten(path, File);
    }

    /// <summary>Creates (or truncates) a file for writing, owner-only from its first byte.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = File;
        var stream = new FileStream(path, options);
        // UnixCreateMode applies to a new file only; one that was there keeps its mode unless closed here.
        TightenFile(path);
        return stream;
    }

    private static void Tighten(string path, UnixFileMode owner)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & ~owner) != 0)
            System.IO.File.SetUnixFileMode(path, mode & owner);
    }
}
