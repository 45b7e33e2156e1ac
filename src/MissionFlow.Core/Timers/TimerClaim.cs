using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Timers;

/// <summary>
/// Picks the next due timers inside the caller's transaction, through the (Status, DueAt) index: the cost follows
/// what is due, not what is stored. PostgreSQL locks the rows and lets other nodes skip past them.
/// </summary>
internal static class TimerClaim
{
    public static async Task<List<WorkflowTimer>> NextDueAsync(MissionFlowDbContext db, DateTimeOffset now, int count, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Timers
                .FromSql($"""
                    SELECT * FROM "WorkflowTimers"
                    WHERE "Status" = 'Pending' AND "DueAt" <= {now}
                    ORDER BY "DueAt", "Id"
                    LIMIT {count}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(ct);
        return await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(count)
            .ToListAsync(ct);
    }
}
