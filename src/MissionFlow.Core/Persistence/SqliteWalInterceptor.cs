using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// Write-ahead logging lets readers go on while one writer commits (the mode is stored in the file), and
/// synchronous=NORMAL is safe under WAL while sparing an fsync per commit; a busy timeout makes a second writer
/// wait for the lock inside SQLite rather than fail. "optimize" keeps the planner's statistics fresh (bounded by
/// analysis_limit): without them SQLite marks fired timers through the (Status, DueAt) index and scans every
/// pending row, 9 of a 14 s sweep at a million timers (bench/). The pragmas run once per physical
/// connection: EF opens the pooled connection around every query, and running them each time cost more than
/// the queries themselves (bench/).
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static SqliteWalInterceptor Instance { get; } = new();

    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; " +
        "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";

    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstUse(connection, out var handle))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Prepared.AddOrUpdate(handle, handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstUse(connection, out var handle))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Prepared.AddOrUpdate(handle, handle);
    }

    /// <summary>The native handle outlives the pooled SqliteConnection objects that borrow it.</summary>
    private static bool FirstUse(DbConnection connection, out object handle)
    {
        handle = ((SqliteConnection)connection).Handle!;
        return !Prepared.TryGetValue(handle, out _);
    }
}
