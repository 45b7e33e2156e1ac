namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL. It runs when <see cref="Variable"/> holds a connection string, and also when CI
/// asks for PostgreSQL (<see cref="RequireVariable"/>=1) without one, so that a missing server fails the run
/// instead of passing silently. Only on a developer's machine with neither is it skipped.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "MISSIONFLOW_TEST_POSTGRES";
    public const string RequireVariable = "MISSIONFLOW_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null && !Required)
            Skip = $"Set {Variable} to a PostgreSQL connection string to run this test.";
    }
}

/// <summary>The same rule for a theory run once per database provider; the PostgreSQL rows obey <see cref="PostgresFactAttribute"/>.</summary>
public static class Providers
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresFactAttribute.ConnectionString is not null || PostgresFactAttribute.Required)
            data.Add("postgresql");
        return data;
    }
}
