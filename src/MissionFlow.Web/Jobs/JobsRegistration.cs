using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Hosting;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Jobs;

public static class JobsRegistration
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Reminders, email and the Hangfire jobs that drive them.</summary>
    public static IServiceCollection AddMissionFlowJobs(this IServiceCollection services, MissionFlowOptions options, DatabaseOptions database, string dataDirectory)
    {
        var reminders = options.Reminders;
        reminders.Mail.DefaultLanguage = options.DefaultLanguage;
        reminders.Mail.PickupDirectory = Path.GetFullPath(reminders.Mail.PickupDirectory, dataDirectory);
        services.AddSingleton(reminders);
        services.AddMissionFlowReminders(reminders.Mail);
        // Links in emails must open after a restart: the key ring lives in the data folder, not in memory.
        services.AddDataProtection().SetApplicationName("MissionFlow").PersistKeysToFileSystem(new DirectoryInfo(KeyRing(dataDirectory)));

        // The storage is registered as a service, never as Hangfire's global JobStorage.Current: two hosts in
        // one process (the tests) each keep their own.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // this host's log provider first: storages log as they start
            return Storage(reminders.Jobs, database);
        });
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        if (reminders.Jobs.Server)
            services.AddHangfireServer(o => o.WorkerCount = reminders.Jobs.WorkerCount);
        services.AddScoped<ReminderJobs>();
        services.AddScoped<IdempotencyPurgeJob>();
        return services;
    }

    /// <summary>The data protection key ring: it signs the cookies, the bearer and refresh tokens and the acknowledge links.</summary>
    public static string KeyRing(string dataDirectory) => Path.Combine(dataDirectory, "keys");

    /// <summary>The admin-only dashboard at /hangfire and the recurring jobs.</summary>
    public static WebApplication MapMissionFlowJobs(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboard()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });
        var zone = app.Services.GetRequiredService<CouncilClock>().Zone;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var options = app.Services.GetRequiredService<RemindersOptions>();
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.Sweep, j => j.SweepAndDeliverAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.Delivery, j => j.DeliverAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.Weekly, j => j.QueueWeeklyDigestAsync(CancellationToken.None), options.Jobs.WeeklyDigestCron, new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<IdempotencyPurgeJob>(IdempotencyPurgeJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions { TimeZone = zone });
        return app;
    }

    private static JobStorage Storage(JobOptions jobs, DatabaseOptions database)
    {
        var kind = string.IsNullOrWhiteSpace(jobs.Storage)
            ? database.Provider == DatabaseProvider.Sqlite ? "InMemory" : database.Provider.ToString()
            : jobs.Storage;
        var connection = string.IsNullOrWhiteSpace(jobs.ConnectionString) ? database.ConnectionString : jobs.ConnectionString;
        return kind.ToLowerInvariant() switch
        {
            "inmemory" => new InMemoryStorage(new InMemoryStorageOptions()),
            "postgresql" => new PostgreSqlStorage(new NpgsqlConnectionFactory(Required(connection, kind), new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions()),
            "sqlserver" => new SqlServerStorage(Required(connection, kind)),
            _ => throw new SettingException($"MissionFlow:Reminders:Jobs:Storage '{kind}' is not one of InMemory, PostgreSql, SqlServer."),
        };
    }

    private static string Required(string? connection, string kind) =>
        string.IsNullOrWhiteSpace(connection)
            ? throw new SettingException($"Hangfire storage {kind} needs a connection string (MissionFlow:Reminders:Jobs:ConnectionString or the database's).")
            : connection;
}
