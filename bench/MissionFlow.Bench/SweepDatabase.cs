using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using Npgsql;

namespace MissionFlow.Bench;

/// <summary>
/// A fresh database for one run: a SQLite file in a temp folder (deleted at the end unless kept), or a new
/// database on the PostgreSQL server named by MISSIONFLOW_BENCH_POSTGRES or MISSIONFLOW_TEST_POSTGRES (dropped at the end unless kept).
/// </summary>
public sealed class SweepDatabase : IAsyncDisposable
{
    private readonly bool _keep;
    private readonly string? _server;

    private SweepDatabase(DatabaseProvider provider, string folder, string connectionString, string? server, bool keep)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        _server = server;
        _keep = keep;
    }

    public DatabaseProvider Provider { get; }
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
    public string Folder { get; }
    public string ConnectionString { get; }

    public string Description => IsSqlite
        ? $"SQLite file {Path.Combine(Folder, "missionflow.db")}{(_keep ? "" : ", deleted at exit")}"
        : $"PostgreSQL database {new NpgsqlConnectionStringBuilder(ConnectionString).Database}{(_keep ? "" : ", dropped at exit")}";

    /// <summary>The council's clock as the web host builds it: Asia/Ho_Chi_Minh, 08:00, the repo's calendar files.</summary>
    public static CouncilClock Clock { get; } = CouncilClock.Default(
        WorkingCalendar.Vietnam(CalendarFiles.Load(Path.Combine(RepoFolder.Workflows, CalendarFiles.FolderName)).Years, [], []));

    public static SweepDatabase Create(DatabaseProvider provider, bool keep) => Create(provider, $"{Guid.NewGuid():N}"[..10], keep);

    /// <summary>
    /// The database named <paramref name="key"/> (a temp folder missionflow-bench-KEY, or the PostgreSQL database
    /// missionflow_bench_KEY), created if missing and always kept, so a later run can start from what it holds.
    /// </summary>
    public static SweepDatabase Reused(DatabaseProvider provider, string key) => Create(provider, key, keep: true);

    private static SweepDatabase Create(DatabaseProvider provider, string key, bool keep)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"missionflow-bench-{key}");
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            // As the app builds it (DatabaseRegistration.SqliteConnectionString): the file, pooled, foreign keys on.
            var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "missionflow.db"), Pooling = true, ForeignKeys = true }.ToString();
            return new SweepDatabase(provider, folder, sqlite, null, keep);
        }
        var server = Environment.GetEnvironmentVariable(SweepOptions.BenchPostgresVariable) is { Length: > 0 } bench
            ? bench
            : Environment.GetEnvironmentVariable(SweepOptions.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new ArgumentException($"--provider postgresql needs {SweepOptions.BenchPostgresVariable} or {SweepOptions.PostgresVariable} (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...\")");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = $"missionflow_bench_{key}" }.ToString();
        return new SweepDatabase(provider, folder, connection, server, keep);
    }

    /// <summary>
    /// The app's services as the web host registers them (core, pooled DbContext on the provider, reminders),
    /// on <paramref name="clock"/>, with an in-memory Data Protection key ring for the acknowledge links.
    /// </summary>
    public ServiceProvider Services(BenchClock clock, NotificationOptions notifications, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMissionFlowCore(Clock);
        services.AddMissionFlowDatabase(new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }, Folder, o =>
        {
            if (interceptors.Length > 0)
                o.AddInterceptors(interceptors);
        });
        services.AddMissionFlowReminders(notifications);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A plain ADO.NET connection to the same database, for the bulk load and the baselines (same PRAGMAs as the app on SQLite).</summary>
    public DbConnection Open()
    {
        if (!IsSqlite)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            pg.Open();
            return pg;
        }
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_keep)
            return;
        if (_server is not null)
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }
}
