using Microsoft.Data.Sqlite;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Jobs;

namespace MissionFlow.Web.Hosting;

/// <summary>
/// The data folder, its key ring and the SQLite database, owner-only before anything is written to them. Run once
/// every setting has been checked, so a refused start leaves the folder as it found it; an install made before
/// (0755 folders, 0644 files) is closed here too.
/// </summary>
internal static class DataFolder
{
    public static void Secure(string dataDirectory, DatabaseOptions database)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var keyRing = JobsRegistration.KeyRing(dataDirectory);
        OwnerOnly.CreateDirectory(keyRing);
        foreach (var key in Directory.EnumerateFiles(keyRing))
            OwnerOnly.TightenFile(key);
        if (database.Provider == DatabaseProvider.Sqlite && SqliteFile(database, dataDirectory) is { } file)
            SecureDatabase(file);
    }

    /// <summary>
    /// SQLite creates a database 0644 less the umask, and its -wal and -shm files with the database's own mode:
    /// so a new database is made here from a 0600 file, and a -wal or -shm left from before is closed. The new one is
    /// put in WAL mode, as EF would on creating it: the migrations then find a database and open it as they do on
    /// every later start (an empty file would not do, as EF's first look at an existing file is read-only).
    /// </summary>
    private static void SecureDatabase(string file)
    {
        if (!File.Exists(file) && Directory.Exists(Path.GetDirectoryName(file)))
        {
            OwnerOnly.CreateFile(file).Dispose();
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        foreach (var part in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            OwnerOnly.TightenFile(part);
    }

    /// <summary>The SQLite database file, or null for an in-memory one.</summary>
    public static string? SqliteFile(DatabaseOptions database, string dataDirectory)
    {
        var connection = new SqliteConnectionStringBuilder(DatabaseRegistration.SqliteConnectionString(database.ConnectionString, dataDirectory));
        return connection.Mode == SqliteOpenMode.Memory || connection.DataSource is "" or ":memory:"
            ? null
            : Path.GetFullPath(connection.DataSource);
    }
}
