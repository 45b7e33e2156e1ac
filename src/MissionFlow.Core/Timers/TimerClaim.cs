using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Timers;

/// <summary>
/// Picks the next due timer inside the caller's transaction, through the (Status, DueAt) index: the cost follows
/// what is due, not what is stored. PostgreSQL locks the row and lets other nodes skip past it.
/// </summary>
internal static class TimerClaim
{
    public static async Task<WorkflowTimer?> NextDueAsync(MissionFlowDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var locked = await db.Timers
                .FromSql($"""
                    SELECT * FROM "WorkflowTimers"
                    WHERE "Status" = 'Pending' AND "DueAt" <= {now}
                    ORDER BY "DueAt", "Id"
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(ct);
            return locked.FirstOrDefault();
        }
        return await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .FirstOrDefaultAsync(ct);
    }
}
