using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// SQLite cannot compare or order DateTimeOffset text, and the timer sweep must do both in SQL; every instant is
/// stored in UTC, so a binary (ticks) form orders correctly.
/// </summary>
public sealed class SqliteMissionFlowDbContext(DbContextOptions<SqliteMissionFlowDbContext> options) : MissionFlowDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgreSqlMissionFlowDbContext(DbContextOptions<PostgreSqlMissionFlowDbContext> options) : MissionFlowDbContext(options);

public sealed class SqlServerMissionFlowDbContext(DbContextOptions<SqlServerMissionFlowDbContext> options) : MissionFlowDbContext(options);
