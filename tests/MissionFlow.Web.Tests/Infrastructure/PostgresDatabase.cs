using Npgsql;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database on the PostgreSQL server named by MISSIONFLOW_TEST_POSTGRES. With
/// MISSIONFLOW_REQUIRE_POSTGRES=1 (CI) and no server, the tests that ask for one fail rather than skip.
/// </summary>
public static class PostgresDatabase
{
    public const string Variable = "MISSIONFLOW_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool Wanted => Server is not null || Environment.GetEnvironmentVariable("MISSIONFLOW_REQUIRE_POSTGRES") == "1";

    public static string NewConnectionString() =>
        new NpgsqlConnectionStringBuilder(Server ?? throw new InvalidOperationException($"{Variable} is not set: this test needs PostgreSQL."))
        {
            Database = $"missionflow_web_{Guid.NewGuid():N}",
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

    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (Wanted)
            data.Add("postgresql");
        return data;
    }
}
