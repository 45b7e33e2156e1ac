using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Desk;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Idempotency;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.People;
using MissionFlow.Core.Seeding;
using MissionFlow.Core.Telemetry;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core;

public static class CoreRegistration
{
    /// <summary>The application services; the database and Identity are registered by the host.</summary>
    public static IServiceCollection AddMissionFlowCore(this IServiceCollection services, CouncilClock clock, FileStoreOptions? files = null,
        IdempotencyOptions? idempotency = null)
    {
        services.AddSingleton(new FileStore(files ?? new FileStoreOptions()));
        services.AddSingleton(idempotency ?? new IdempotencyOptions());
        services.AddScoped<DocumentService>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<FollowUpQuery>();
        services.AddScoped<LadderBook>();
        services.AddScoped<OfficeTaskQuery>();
        services.AddScoped<OutboxQuery>();
        services.AddScoped<PublishedVersions>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<PeopleService>();
        services.AddSingleton(clock);
        services.AddMetrics();
        services.AddSingleton<MissionFlowMetrics>();
        services.AddSingleton(new WorkflowRuntime(new TimerScheduler(clock)));
        services.AddSingleton<DefinitionCatalog>();
        services.AddScoped<DefinitionPublisher>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<TransitionStore>();
        services.AddScoped<AgencyService>();
        services.AddScoped<MissionService>();
        services.AddScoped<DeskQuery>();
        services.TryAddSingleton<CommitStamp>();
        services.AddSingleton<StampedCache>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoFollowUp>();
        return services;
    }
}
