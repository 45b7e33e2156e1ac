namespace MissionFlow.Core.Persistence;

/// <summary>Section "MissionFlow:Database": which provider, and its connection string.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Sqlite (default, a file in the data folder), PostgreSql or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means "missionflow.db in the data folder".</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }
