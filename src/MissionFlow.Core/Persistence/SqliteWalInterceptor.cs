using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// Write-ahead logging lets readers go on while one writer commits, and a busy timeout makes a second writer
/// wait for the lock instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static SqliteWalInterceptor Instance { get; } = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
