using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>The core services on a real database, migrated, with the repo's workflows published and a fake clock.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDatabase _database;

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));

    private CoreHost(TestDatabase database, Action<IServiceCollection>? configure)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        database.Register(services);
        services.AddSingleton<TimeProvider>(Time);
        services.AddMissionFlowCore(CouncilClock.Default());
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary><paramref name="configure"/> adds or replaces services after the core ones (reminders, interceptors).</summary>
    public static async Task<CoreHost> StartAsync(string provider, IReadOnlyList<WorkflowDefinition>? definitions = null, Action<IServiceCollection>? configure = null)
    {
        var host = new CoreHost(TestDatabase.Create(provider), configure);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(definitions ?? RepoWorkflows.Load());
        return host;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
