using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>A real, empty database for one test: a SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract void Register(IServiceCollection services);
    public abstract ValueTask DisposeAsync();

    public static TestDatabase Sqlite() => new SqliteTestDatabase();
    public static TestDatabase PostgreSql() => new PostgreSqlTestDatabase();

    public static TestDatabase Create(string provider) => provider switch
    {
        "sqlite" => Sqlite(),
        "postgresql" => PostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("missionflow-test-").FullName;

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "missionflow.db") }.ToString();

    public override void Register(IServiceCollection services) =>
        services.AddDbContext<MissionFlowDbContext, SqliteMissionFlowDbContext>((sp, o) =>
        {
            DatabaseRegistration.ConfigureSqlite(o, ConnectionString);
            DatabaseRegistration.StampCommits(sp, o);
        });

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _connectionString = PostgresServer.NewDatabase("missionflow_test");

    public override void Register(IServiceCollection services) =>
        services.AddDbContext<MissionFlowDbContext, PostgreSqlMissionFlowDbContext>((sp, o) =>
        {
            DatabaseRegistration.ConfigurePostgreSql(o, _connectionString);
            DatabaseRegistration.StampCommits(sp, o);
        });

    public override async ValueTask DisposeAsync() => await PostgresServer.DropAsync(_connectionString);
}
