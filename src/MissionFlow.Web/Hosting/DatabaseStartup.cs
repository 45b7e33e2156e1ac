using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Seeding;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

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
}
