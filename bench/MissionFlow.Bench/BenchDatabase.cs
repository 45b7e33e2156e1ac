using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Bench;

/// <summary>
/// Two SQLite files in a temp folder: the engine's, migrated by EF's migrations with the repo's workflows
/// published and the instances started, and the baseline's, a byte copy of it made before anything is timed.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly bool _keep;

    private BenchDatabase(string folder, bool keep)
    {
        Folder = folder;
        _keep = keep;
    }

    public string Folder { get; }
    public string EnginePath => Path.Combine(Folder, "engine.db");
    public string BaselinePath => Path.Combine(Folder, "baseline.db");

    /// <summary>As the app builds it (DatabaseRegistration.SqliteConnectionString): the file, pooled.</summary>
    public string EngineConnectionString => new SqliteConnectionStringBuilder { DataSource = EnginePath, Pooling = true }.ToString();

    public static BenchDatabase Create(bool keep)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"missionflow-bench-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(folder);
        return new BenchDatabase(folder, keep);
    }

    /// <summary>The app's core services on the engine file, registered as the web host does for SQLite.</summary>
    public ServiceProvider EngineServices(params IInterceptor[] extraInterceptors)
    {
        var connectionString = EngineConnectionString;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMissionFlowCore(CouncilClock.Default());
        services.AddMissionFlowDatabase(new DatabaseOptions { ConnectionString = connectionString }, Folder, o =>
        {
            if (extraInterceptors.Length > 0)
                o.AddInterceptors(extraInterceptors);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Migrates, publishes the repo's workflows, starts every instance of the workload, then copies the file.</summary>
    public async Task PrepareAsync(ServiceProvider engine, FollowUpWorkload workload)
    {
        await using (var scope = engine.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Database.MigrateAsync();
        await PublishAsync(engine);

        const int batch = 250;
        for (var first = 0; first < workload.Count; first += batch)
        {
            await using var scope = engine.CreateAsyncScope();
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
            for (var i = first; i < Math.Min(first + batch, workload.Count); i++)
                workload.Started(i, workflows.Start(FollowUpWorkload.WorkflowId, LegalRegime.Law121Of2025.Slug(), workload.StartData(i), workload.Starter).Id);
            await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().SaveChangesAsync();
        }

        // Fold the WAL into the main file so a byte copy is the whole database.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = EnginePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Copy(EnginePath, BaselinePath);
    }

    /// <summary>
    /// Publishes the repo's workflows as the web host does at start, which fills that provider's
    /// <see cref="DefinitionCatalog"/>; on a database that has them already it only reads them back.
    /// </summary>
    public static async Task PublishAsync(ServiceProvider engine)
    {
        var loaded = new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(RepoFolder.Workflows);
        if (!loaded.Succeeded)
            throw new InvalidOperationException("The repo's workflows do not load:" + Environment.NewLine + string.Join(Environment.NewLine, loaded.Errors));
        await using var scope = engine.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(loaded.Definitions);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (!_keep)
            Directory.Delete(Folder, recursive: true);
    }
}
