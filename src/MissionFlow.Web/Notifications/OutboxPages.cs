using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Notifications;

/// <summary>The outbox newest first, a page at a time, counted in the database: for GET /api/mail and the admin's mail page.</summary>
internal static class OutboxPages
{
    public static async Task<Paged<OutboxMessage>> PageAsync(MissionFlowDbContext db, OutboxStatus? status, int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var rows = db.Outbox.AsNoTracking();
        if (status is { } wanted)
            rows = rows.Where(m => m.Status == wanted);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<OutboxMessage>(items, page, pageSize, total);
    }
}
