using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Notifications;

/// <summary>A reminder the sweep set aside because firing it failed, with the recommendation it was for.</summary>
public sealed record SetAsideTimer(string TimerId, TimerKind Kind, DateTimeOffset DueAt, DateTimeOffset? FailedAt, Guid? RecommendationId, string? MissionCode, int? Number);

/// <summary>What the admin reads of the mail: the outbox (GET /api/mail and the mail page) and the reminders set aside.</summary>
public sealed class OutboxQuery(MissionFlowDbContext db)
{
    /// <summary>The outbox newest first, a page at a time, counted in the database.</summary>
    public async Task<Paged<OutboxMessage>> PageAsync(OutboxStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        Paging.Check(page, pageSize);
        var rows = db.Outbox.AsNoTracking();
        if (status is { } wanted)
            rows = rows.Where(m => m.Status == wanted);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<OutboxMessage>(items, page, pageSize, total);
    }

    /// <summary>The latest reminders whose firing failed, newest first.</summary>
    public async Task<IReadOnlyList<SetAsideTimer>> SetAsideAsync(int limit, CancellationToken ct = default) =>
        await (
                from t in db.Timers.AsNoTracking()
                where t.Status == TimerStatus.Failed
                join r in db.Recommendations on t.InstanceId equals r.InstanceId into rs
                from r in rs.DefaultIfEmpty()
                join m in db.Missions on r.MissionId equals m.Id into ms
                from m in ms.DefaultIfEmpty()
                orderby t.FiredAt descending
                select new SetAsideTimer(t.TimerId, t.Kind, t.DueAt, t.FiredAt, r == null ? null : r.Id, m == null ? null : m.Code, r == null ? null : r.Number))
            .Take(limit)
            .ToListAsync(ct);
}
