using Microsoft.EntityFrameworkCore;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// Keeps the context's connection open for a whole operation (read, decide, write), released when disposed.
/// EF otherwise opens and closes it around every query, which on SQLite costs as much as a small query. Nested
/// holds are counted by EF: the connection closes when the outermost is released.
/// </summary>
public sealed class HeldConnection : IAsyncDisposable
{
    private readonly DbContext _db;

    private HeldConnection(DbContext db) => _db = db;

    public static async Task<HeldConnection> OpenAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new HeldConnection(db);
    }

    public async ValueTask DisposeAsync() => await _db.Database.CloseConnectionAsync();
}
