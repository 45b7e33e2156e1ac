using Npgsql;
using Xunit;

namespace MissionFlow.Testing;

/// <summary>
/// The PostgreSQL server the tests may use: its connection string is in <see cref="Variable"/>. CI sets
/// <see cref="RequireVariable"/>=1 as well, so that a missing server fails the PostgreSQL tests instead of
/// skipping them; only a developer's machine with neither skips them.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "MISSIONFLOW_TEST_POSTGRES";
    public const string RequireVariable = "MISSIONFLOW_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static bool Wanted => ConnectionString is not null || Required;

    /// <summary>A connection string to a database of its own on the server, created by the first migration.</summary>
    public static string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set: this test needs PostgreSQL."))
        {
            Database = $"{prefix}_{Guid.NewGuid():N}",
        }.ToString();

    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>For a theory run once per database: SQLite always, PostgreSQL when wanted.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (Wanted)
            data.Add("postgresql");
        return data;
    }
}
