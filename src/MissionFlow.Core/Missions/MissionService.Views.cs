using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>Missions as a reader may see them: a page of the list, and one mission cut to the reader's scope.</summary>
public sealed partial class MissionService
{
    /// <summary>
    /// The mission as <paramref name="viewer"/> may see it, untracked: for agency people only their own agency's
    /// issued recommendations, and the conclusion only once issued (a draft is the committee's working paper).
    /// Any mission that does not supervise their agency is "not found".
    /// </summary>
    public async Task<Mission> ViewAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        var agency = viewer.AgencyScope();
        return await CutAsync(db.Missions.AsNoTracking()
            .Include(m => m.Instance)
            .Include(m => m.Recommendations.Where(r => agency == null || (r.AgencyId == agency && r.InstanceId != null)).OrderBy(r => r.Number))
            .ThenInclude(r => r.Instance)
            .AsSplitQuery(), missionId, viewer, ct);
    }

    /// <summary>
    /// The mission as <see cref="ViewAsync"/> shows it but without its recommendations, for a page that lists them
    /// a page at a time (<see cref="RecommendationsAsync"/>).
    /// </summary>
    public Task<Mission> OverviewAsync(Guid missionId, Actor viewer, CancellationToken ct = default) =>
        CutAsync(db.Missions.AsNoTracking().Include(m => m.Instance), missionId, viewer, ct);

    private static async Task<Mission> CutAsync(IQueryable<Mission> query, Guid missionId, Actor viewer, CancellationToken ct)
    {
        var mission = await query.FirstOrDefaultAsync(m => m.Id == missionId, ct);
        if (mission is null || !viewer.MaySee(mission))
            throw new NotFoundException($"No mission {missionId}.");
        if (viewer.AgencyScope() is not null && mission.Conclusion?.IssuedAt is null)
            mission.Conclusion = null;
        return mission;
    }

    /// <summary>
    /// One page of the mission's recommendations by number, counted and cut in the database to what
    /// <see cref="ViewAsync"/> shows the viewer (agency people: their agency's issued ones). Ask only for a mission
    /// the viewer may see (<see cref="OverviewAsync"/> first).
    /// </summary>
    public async Task<Paged<Recommendation>> RecommendationsAsync(Guid missionId, Actor viewer, int page, int pageSize, CancellationToken ct = default)
    {
        Paging.Check(page, pageSize);
        var shown = Shown(missionId, viewer);
        var total = await shown.CountAsync(ct);
        var items = await shown.Include(r => r.Instance).OrderBy(r => r.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Recommendation>(items, page, pageSize, total);
    }

    /// <summary>
    /// Every deadline of the recommendations the viewer is shown, with each one's number and whether it is overdue:
    /// three columns a row (a mission holds at most <see cref="InputLimits.ManyItems"/>), for the mission's timeline.
    /// </summary>
    public async Task<IReadOnlyList<RecommendationDeadline>> DeadlinesAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        var today = clock.LocalDate(time.GetUtcNow());
        return await Shown(missionId, viewer).OrderBy(r => r.Deadline).ThenBy(r => r.Number)
            .Select(r => new RecommendationDeadline(r.Deadline, r.Number, r.InstanceId != null && r.Deadline < today && !r.Closed))
            .ToListAsync(ct);
    }

    private IQueryable<Recommendation> Shown(Guid missionId, Actor viewer)
    {
        var agency = viewer.AgencyScope();
        return db.Recommendations.AsNoTracking().Where(r => r.MissionId == missionId && (agency == null || (r.AgencyId == agency && r.InstanceId != null)));
    }

    /// <summary>The mission's roll-up counted in the database, over the recommendations <see cref="ViewAsync"/> shows the viewer.</summary>
    public Task<MissionRollup> RollupAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        var agency = viewer.AgencyScope();
        var items = db.Recommendations.AsNoTracking().Where(r => r.MissionId == missionId && (agency == null || r.AgencyId == agency));
        return MissionRollup.OfAsync(items, clock.LocalDate(time.GetUtcNow()), ct);
    }

    /// <summary>The mission's own fields (code, title, state...) without its recommendations, for a page that names it.</summary>
    public async Task<Mission> HeadingAsync(Guid missionId, Actor viewer, CancellationToken ct = default) =>
        await Visible(viewer).Include(m => m.Instance).FirstOrDefaultAsync(m => m.Id == missionId, ct)
        ?? throw new NotFoundException($"No mission {missionId}.");

    /// <summary>Whether <paramref name="viewer"/> may see the mission at all, asked without loading it: "not found" if not.</summary>
    public async Task EnsureVisibleAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        if (!await Visible(viewer).AnyAsync(m => m.Id == missionId, ct))
            throw new NotFoundException($"No mission {missionId}.");
    }

    /// <summary>The mission's own journal (its steps, not its recommendations'), for anyone who may see the mission.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        var instanceId = await Visible(viewer).Where(m => m.Id == missionId).Select(m => (Guid?)m.InstanceId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"No mission {missionId}.");
        return await workflows.JournalAsync(instanceId, ct);
    }

    /// <summary>The codes of the missions <paramref name="viewer"/> may see, in order: a list filter's choices.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Code)>> CodesAsync(Actor viewer, CancellationToken ct = default) =>
        (await Visible(viewer).OrderBy(m => m.Code).Select(m => new { m.Id, m.Code }).ToListAsync(ct)).Select(m => (m.Id, m.Code)).ToList();

    private IQueryable<Mission> Visible(Actor viewer)
    {
        var query = db.Missions.AsNoTracking();
        return viewer.AgencyScope() is { } agency ? query.Where(m => m.AgencyIds.Contains(agency)) : query;
    }

    /// <summary>The mission for a command: visible to <paramref name="actor"/> or "not found", and theirs to act on or "forbidden".</summary>
    private async Task<Mission> ForCommandAsync(Guid missionId, Actor actor, CancellationToken ct)
    {
        var mission = await GetAsync(missionId, ct);
        if (!actor.MaySee(mission))
            throw new NotFoundException($"No mission {missionId}.");
        actor.EnsureMayActOn(mission);
        return mission;
    }

    /// <summary>Newest first, paged and counted in the database; agency people get only the missions supervising them.</summary>
    public async Task<Paged<MissionListItem>> ListAsync(MissionFilter filter, Actor viewer, CancellationToken ct = default)
    {
        Paging.Check(filter.Page, filter.PageSize);
        var query = Visible(viewer);
        if (filter.AgencyId is { } agency)
            query = query.Where(m => m.AgencyIds.Contains(agency));
        if (!string.IsNullOrWhiteSpace(filter.State))
            query = query.Where(m => m.Instance.State == filter.State);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = $"%{filter.Q.Trim()}%";
            query = query.Where(m => EF.Functions.Like(m.Code, q) || EF.Functions.Like(m.Title, q));
        }
        var total = await query.CountAsync(ct);
        var missions = await query.Include(m => m.Instance)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Code)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(ct);

        var ids = missions.Select(m => m.Id).ToList();
        var scope = viewer.AgencyScope();
        var today = clock.LocalDate(time.GetUtcNow());
        // Kept until a write commits: twenty missions of a thousand items are twenty thousand index entries a view.
        var counts = await cache.GetAsync((nameof(MissionListItem), string.Join(',', ids), scope, today), c => db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.MissionId) && r.InstanceId != null && (scope == null || r.AgencyId == scope))
            .GroupBy(r => r.MissionId)
            .Select(g => new MissionCounts(g.Key, g.Count(), g.Count(r => r.Deadline < today && !r.Closed)))
            .ToDictionaryAsync(m => m.MissionId, c)).WaitAsync(ct);
        var items = missions.Select(m => counts.TryGetValue(m.Id, out var c)
            ? new MissionListItem(m, c.Total, c.Overdue)
            : new MissionListItem(m, 0, 0)).ToList();
        return new Paged<MissionListItem>(items, filter.Page, filter.PageSize, total);
    }
}

internal sealed record MissionCounts(Guid MissionId, int Total, int Overdue);
