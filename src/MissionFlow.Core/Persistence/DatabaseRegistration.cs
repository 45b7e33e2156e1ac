using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        extra ??= _ => { };
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, dataDirectory);
                services.AddDbContextPool<MissionFlowDbContext, SqliteMissionFlowDbContext>(o => { ConfigureSqlite(o, sqlite); extra(o); });
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<MissionFlowDbContext, PostgreSqlMissionFlowDbContext>(o => { ConfigurePostgreSql(o, Required(options)); extra(o); });
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<MissionFlowDbContext, SqlServerMissionFlowDbContext>(o => { o.UseSqlServer(Required(options)); extra(o); });
                break;
        }
        return services;
    }

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
