using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Timers;

/// <summary>
/// Reads the next due timers inside the caller's transaction, through the (Status, DueAt) index: the cost follows
/// what is due, not what is stored. The read claims nothing by itself on SQLite, where the sweep's transaction
/// holds the database's write lock from BEGIN, so sweeps queue; what claims a row on every provider is the
/// sweep's status UPDATE guarded by "still pending". On PostgreSQL the read also locks the rows it returns and
/// skips rows another node has locked, so sweeps on several nodes take different timers instead of colliding.
/// </summary>
internal static class TimerClaim
{
    private static readonly PerModel<SqlStatement<DueTimers>> LockingRead = new(db =>
    {
        var timers = new MappedTable(db.Model, typeof(WorkflowTimer), db.GetService<ISqlGenerationHelper>());
        var dueAt = timers[nameof(WorkflowTimer.DueAt)];
        return new SqlStatement<DueTimers>(timers, (s, limit) =>
            $"SELECT * FROM {timers.Name} WHERE {timers[nameof(WorkflowTimer.Status)]} = {s[nameof(DueTimers.Status)]} AND {dueAt} <= {s[nameof(DueTimers.DueAt)]} " +
            $"ORDER BY {dueAt}, {timers[nameof(WorkflowTimer.Id)]} LIMIT {limit} FOR UPDATE SKIP LOCKED");
    });

    public static async Task<List<WorkflowTimer>> NextDueAsync(MissionFlowDbContext db, DateTimeOffset now, int count, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var read = LockingRead.For(db);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            read.Bind(command, new DueTimers(now));
            var parameters = command.Parameters.Cast<object>().ToArray();
            command.Parameters.Clear();
            return await db.Timers.FromSqlRaw(read.Text(count), parameters).AsNoTracking().ToListAsync(ct);
        }
        return await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(count)
            .ToListAsync(ct);
    }

    /// <summary>Pending timers due at or before <see cref="DueAt"/>.</summary>
    private sealed record DueTimers(DateTimeOffset DueAt, TimerStatus Status = TimerStatus.Pending);
}
