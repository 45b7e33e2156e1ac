using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Seeding;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Backup;

namespace MissionFlow.Web.Hosting;

/// <summary>
/// Brings the database up to date at start: migrations, published definitions, the demo when the start asks for
/// it (and the demo accounts disabled when it does not), and the configured bootstrap admin.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IReadOnlyList<WorkflowDefinition> definitions, bool demo, BootstrapAdminOptions admin)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        await BackUpBeforeMigratingAsync(scope.ServiceProvider, db);
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(definitions);
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        if (demo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        else if (await DemoAccounts.DisableAsync(people) is { Count: > 0 } disabled)
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup)).LogWarning(
                "The demo was not asked for, so the demo accounts, whose password is published, were disabled for good: {Accounts}.",
                string.Join(", ", disabled));
        await people.EnsureBootstrapAdminAsync(admin.Email, admin.Password);
    }

    /// <summary>
    /// A migration that goes wrong half-way, or a version that turns out bad, must leave a way back: an archive of
    /// the data as the earlier version left it. A new database has nothing in it to keep.
    /// </summary>
    private static async Task BackUpBeforeMigratingAsync(IServiceProvider services, MissionFlowDbContext db)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0 || !(await db.Database.GetAppliedMigrationsAsync()).Any())
            return;
        var archive = services.GetRequiredService<BackupWriter>().Write();
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup)).LogInformation(
            "Before applying {Migrations}, a back-up was written to {Archive}.", string.Join(", ", pending), archive);
    }
}
