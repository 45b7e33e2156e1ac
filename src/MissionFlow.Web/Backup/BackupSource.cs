using MissionFlow.Core.Persistence;
using MissionFlow.Web.Hosting;
using MissionFlow.Web.Jobs;

namespace MissionFlow.Web.Backup;

/// <summary>
/// What a back-up holds and a restore rebuilds: the SQLite file (none on a database server, which has its own
/// dump), the uploaded files and the key ring that signs cookies, tokens and acknowledge links.
/// </summary>
public sealed record BackupSource(string DataDirectory, DatabaseProvider Provider, string? SqliteFile)
{
    public string Files => Path.Combine(DataDirectory, "files");

    public string KeyRing => JobsRegistration.KeyRing(DataDirectory);

    public static BackupSource Of(DatabaseOptions database, string dataDirectory) =>
        new(dataDirectory, database.Provider, database.Provider == DatabaseProvider.Sqlite ? DataFolder.SqliteFile(database, dataDirectory) : null);
}
