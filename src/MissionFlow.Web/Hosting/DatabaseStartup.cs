using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Seeding;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Hosting;

/// <summary>Brings the database up to date at start: migrations, published definitions, and the demo on an empty database.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IReadOnlyList<WorkflowDefinition> definitions, bool seedDemo, BootstrapAdminOptions admin)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(definitions);
        if (seedDemo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        await scope.ServiceProvider.GetRequiredService<PeopleService>()
            .EnsureBootstrapAdminAsync(admin.Email, admin.Password);
    }
}
