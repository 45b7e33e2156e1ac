using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Bench;

/// <summary>Hands every SQLite connection EF opens to <paramref name="opened"/>, to hook SQLite's own tracing onto it.</summary>
public sealed class SqliteOpened(Action<SqliteConnection> opened) : DbConnectionInterceptor
{
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        opened((SqliteConnection)connection);
        return Task.CompletedTask;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => opened((SqliteConnection)connection);
}
