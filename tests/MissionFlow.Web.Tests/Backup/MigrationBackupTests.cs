using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Backup;

namespace MissionFlow.Web.Tests.Backup;

/// <summary>A start that has migrations to apply keeps the data as the earlier version left it; a new database has nothing to keep.</summary>
public sealed class MigrationBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("missionflow-migrate-").FullName;
    private string Data => Path.Combine(_root, "data");
    private string Backups => Path.Combine(_root, "backups");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private MissionFlowApp App() => new(dataDirectory: Data) { Settings = { ["MissionFlow:Backup:Folder"] = Backups } };

    [Fact]
    public async Task A_start_with_a_migration_to_apply_writes_a_backup_of_the_earlier_database_first()
    {
        int migrations;
        await using (var app = App())
        {
            app.CreateClient();
            Assert.False(Directory.Exists(Backups)); // a new database: nothing to keep
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var all = db.Database.GetMigrations().ToList();
            migrations = all.Count;
            await db.GetService<IMigrator>().MigrateAsync(all[^2]); // the database as the version before this one left it
        }

        await using (var upgraded = App())
            upgraded.CreateClient();

        var archive = Assert.Single(Directory.GetFiles(Backups, "*.zip"));
        var copy = Path.Combine(_root, "from-archive.db");
        using (var zip = ZipFile.OpenRead(archive))
            zip.GetEntry(BackupManifest.DatabaseEntry)!.ExtractToFile(copy);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.Equal(migrations - 1, Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture));
        count.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        Assert.True(Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0);
    }
}
