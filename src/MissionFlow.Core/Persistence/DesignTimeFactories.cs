using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MissionFlow.Core.Persistence;

// Used only by `dotnet ef migrations add`: the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMissionFlowDbContext>
{
    public SqliteMissionFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMissionFlowDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMissionFlowDbContext>
{
    public PostgreSqlMissionFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMissionFlowDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMissionFlowDbContext>
{
    public SqlServerMissionFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMissionFlowDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
