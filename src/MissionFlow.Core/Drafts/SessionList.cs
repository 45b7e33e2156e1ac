using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// The list for the Council's session (danh sách kiến nghị chưa được giải quyết): every recommendation still
/// under follow-up, or ended with a result other than done, by agency, with its history and last recorded rung.
/// Filtered, ordered and paged in the database; the exports read it in batches.
/// </summary>
public sealed class SessionList(MissionFlowDbContext db, FollowUpHistory history, CouncilClock clock, TimeProvider time)
{
    private const int Batch = 500;
    private const string Done = "done";

    public async Task<Paged<SessionItem>> PageAsync(int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var query = Unresolved();
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<SessionItem>(await ItemsAsync(rows, ct), page, pageSize, total);
    }

    public async IAsyncEnumerable<SessionItem> StreamAsync([EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += Batch)
        {
            var rows = await Unresolved().Skip(skip).Take(Batch).ToListAsync(ct);
            foreach (var item in await ItemsAsync(rows, ct))
                yield return item;
            if (rows.Count < Batch)
                yield break;
        }
    }

    /// <summary>By agency, then field (lĩnh vực; items without one first), mission and number.</summary>
    private IQueryable<Row> Unresolved()
    {
        return from r in db.Recommendations.AsNoTracking()
               join i in db.Instances on r.InstanceId equals i.Id
               join m in db.Missions on r.MissionId equals m.Id
               join a in db.Agencies on r.AgencyId equals a.Id
               where !r.Closed || r.Result == null || r.Result != Done
               orderby a.Name, a.Id, r.Field, m.Code, r.Number
               select new Row(r.Id, i.Id, r.Closed, a.Id, a.Name, r.Field, m.Code, r.Number, r.Text, r.Deadline);
    }

    private async Task<IReadOnlyList<SessionItem>> ItemsAsync(List<Row> rows, CancellationToken ct)
    {
        var found = await history.ForAsync(rows.Select(r => (r.Id, (Guid?)r.InstanceId)).ToList(), ct);
        var today = clock.LocalDate(time.GetUtcNow());
        return rows.Select(r =>
        {
            var past = found[r.Id];
            return new SessionItem(r.Id, r.AgencyId, r.AgencyName, r.Field, r.MissionCode, r.Number, r.Text, r.Deadline,
                !r.Closed && r.Deadline < today ? today.DayNumber - r.Deadline.DayNumber : 0, past.Results, past.Rungs.Count > 0 ? past.Rungs[^1] : null);
        }).ToList();
    }

    private sealed record Row(Guid Id, Guid InstanceId, bool Closed, Guid AgencyId, string AgencyName,
        string? Field, string MissionCode, int Number, string Text, DateOnly Deadline);
}

public sealed record SessionItem(Guid Id, Guid AgencyId, string Agency, string? Field, string MissionCode, int Number, string Text, DateOnly Deadline,
    int DaysOverdue, IReadOnlyList<Verification> Results, RecordedRung? LastRung);
