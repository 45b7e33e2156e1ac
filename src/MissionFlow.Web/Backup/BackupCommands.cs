using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Web.Backup;

/// <summary>
/// `backup` writes an archive of the data folder and prints its path; `restore &lt;archive&gt; [--force]` rebuilds the
/// data folder from one. Both read the same settings as a start (appsettings, environment, --MissionFlow:... switches)
/// and open no port. Exit code 0 when done, 1 with one sentence on standard error otherwise.
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    private const string Force = "--force";

    public static bool Handles(string[] args) => args is [Backup or Restore, ..];

    public static int Run(string[] args)
    {
        var archive = args is [Restore, var path, ..] && !path.StartsWith('-') ? Path.GetFullPath(path) : null;
        var switches = args.Skip(archive is null ? 1 : 2).Where(a => a != Force).ToArray();
        var builder = WebApplication.CreateBuilder(switches);
        var options = builder.Configuration.GetSection("MissionFlow").Get<MissionFlowOptions>() ?? new MissionFlowOptions();
        var database = builder.Configuration.GetSection("MissionFlow:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        try
        {
            var source = BackupSource.Of(database, options.DataFolderUnder(builder.Environment.ContentRootPath));
            if (args[0] == Backup)
                return WriteBackup(source, options.Backup.Writer(source, builder.Environment.ContentRootPath, TimeProvider.System));
            if (archive is null)
                throw new BackupRefusedException("restore needs the archive to restore from: restore <archive> [--force].");
            var manifest = BackupRestore.Restore(archive, source, args.Contains(Force));
            Console.WriteLine($"Restored {archive} (made {manifest.CreatedAt:u} by MissionFlow {manifest.Version}) into {source.DataDirectory}.");
            if (!manifest.HoldsDatabase)
                Console.WriteLine($"The {manifest.Database} database is not in the archive: restore it from its own dump (README, \"Back-up and restore\").");
            return 0;
        }
        catch (Exception e) when (e is BackupRefusedException or SettingException)
        {
            Console.Error.WriteLine($"MissionFlow: {e.Message}");
            return 1;
        }
    }

    private static int WriteBackup(BackupSource source, BackupWriter writer)
    {
        Console.WriteLine(writer.Write());
        if (source.SqliteFile is null)
            Console.Error.WriteLine($"The {source.Provider} database is not in the archive: dump it with its own tool (README, \"Back-up and restore\").");
        return 0;
    }
}
