using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Health;

internal static class HealthRegistration
{
    /// <summary>The checks of /health/ready, by name: the JSON's keys and the admin's Health page's rows.</summary>
    public const string Database = "database", Jobs = "jobs", Relay = "smtp", Outbox = "outbox", Timers = "timers";

    public const string Ready = "ready";

    public static IServiceCollection AddMissionFlowHealth(this IServiceCollection services, HealthOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<RelayCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<MissionFlowDbContext>(Database, tags: [Ready])
            .AddCheck<JobServerCheck>(Jobs, HealthStatus.Unhealthy, [Ready])
            .AddCheck<RelayCheck>(Relay, HealthStatus.Degraded, [Ready])
            .AddCheck<OutboxCheck>(Outbox, HealthStatus.Degraded, [Ready])
            .AddCheck<FailedTimersCheck>(Timers, HealthStatus.Degraded, [Ready]);
        return services;
    }
}
