using Hangfire;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Web.Backup;

public static class BackupRegistration
{
    /// <summary>The archive writer the scheduled job and the start before migrations use.</summary>
    public static IServiceCollection AddMissionFlowBackup(this IServiceCollection services, MissionFlowOptions options, DatabaseOptions database, string dataDirectory, string contentRoot)
    {
        options.Backup.CheckCron();
        services.AddSingleton(options.Backup.Writer(BackupSource.Of(database, dataDirectory), contentRoot, TimeProvider.System));
        services.AddScoped<BackupJob>();
        return services;
    }

    public static WebApplication ScheduleBackups(this WebApplication app)
    {
        var zone = app.Services.GetRequiredService<CouncilClock>().Zone;
        var cron = app.Services.GetRequiredService<MissionFlowOptions>().Backup.Cron;
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<BackupJob>(BackupJob.Id, j => j.Run(), cron, new RecurringJobOptions { TimeZone = zone });
        return app;
    }
}
