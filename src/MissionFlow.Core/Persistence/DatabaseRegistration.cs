using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="MissionFlowDbContext"/> on the configured provider, pooled: a request reuses a
    /// context instead of building one, which measured about a third of a transition's cost (bench/).
    /// </summary>
    /// <param name="extra">More options on top, such as the benchmark's command-counting interceptor.</param>
    public static IServiceCollection AddMissionFlowDatabase(this IServiceCollection services, DatabaseOptions options, string dataDirectory,
        Action<DbContextOptionsBuilder>? extra = null)
    {
        services.TryAddSingleton<CommitStamp>();
        void Common(IServiceProvider services, DbContextOptionsBuilder o)
        {
            StampCommits(services, o);
            extra?.Invoke(o);
        }
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, dataDirectory);
                services.AddDbContextPool<MissionFlowDbContext, SqliteMissionFlowDbContext>((sp, o) => { ConfigureSqlite(o, sqlite); Common(sp, o); });
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<MissionFlowDbContext, PostgreSqlMissionFlowDbContext>((sp, o) => { ConfigurePostgreSql(o, Required(options)); Common(sp, o); });
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<MissionFlowDbContext, SqlServerMissionFlowDbContext>((sp, o) => { o.UseSqlServer(Required(options)); Common(sp, o); });
                break;
        }
        return services;
    }

    /// <summary>
    /// Moves the <see cref="CommitStamp"/> (registered by AddMissionFlowCore and AddMissionFlowDatabase) on every commit of a context built with
    /// <paramref name="options"/>, so the figures kept by <see cref="StampedCache"/> are recomputed after a write.
    /// </summary>
    public static void StampCommits(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(new CommitStampInterceptor(services.GetRequiredService<CommitStamp>()));

    public static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        OwnerOnly.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "missionflow.db"),
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteWalInterceptor.Instance);

    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    private static string Required(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new SettingException($"MissionFlow:Database:ConnectionString is required for {options.Provider}.")
            : options.ConnectionString;
}
