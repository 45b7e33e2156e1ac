using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Ui.Desk;

/// <summary>
/// Builds the desk from every mission and its recommendations, using MissionRollup for the closure figures so
/// the desk and the API agree. A council runs tens of missions a year: reading them all is cheap.
/// </summary>
internal sealed class DeskBuilder(MissionFlowDbContext db, DefinitionCatalog catalog, CouncilClock clock, TimeProvider time, UiText text)
{
    public const int UpcomingDays = 14;

    public async Task<DeskView> BuildAsync(CancellationToken ct)
    {
        var missions = await db.Missions.AsNoTracking()
            .Include(m => m.Instance)
            .Include(m => m.Recommendations).ThenInclude(r => r.Instance)
            .AsSplitQuery()
            .ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var now = time.GetUtcNow();
        var today = clock.LocalDate(now);
        var rollups = missions.Select(m => MissionRollup.Of(m, catalog, clock, now)).ToList();
        var recommendations = missions.SelectMany(m => m.Recommendations.Where(r => r.Instance is not null).Select(r => (Mission: m, Item: r))).ToList();
        bool Final(WorkflowInstance i) => catalog.Get(i.WorkflowId, i.WorkflowVersion).IsFinal(i.State);

        var overdue = recommendations
            .Where(r => !Final(r.Item.Instance!) && r.Item.Deadline < today)
            .GroupBy(r => r.Item.AgencyId)
            .Select(g => new AgencyOverdue(g.Key, agencies.GetValueOrDefault(g.Key, "?"), g.Count()))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.Agency)
            .ToList();
        var closed = rollups.Sum(r => r.Closed);
        var onTime = rollups.Sum(r => r.ClosedOnTime);
        return new DeskView(
            Counts(missions.Select(m => m.Instance), MissionService.WorkflowId),
            Counts(recommendations.Select(r => r.Item.Instance!), MissionService.FollowUpWorkflowId),
            overdue,
            closed,
            onTime,
            closed == 0 ? null : Math.Round(onTime * 100m / closed, 1),
            Upcoming(missions, recommendations.Where(r => !Final(r.Item.Instance!)).Select(r => r.Item), today, Final));
    }

    /// <summary>Counts in the order the definition lists its states, so the desk reads like the procedure.</summary>
    private List<StateCount> Counts(IEnumerable<WorkflowInstance> instances, string workflowId)
    {
        var order = catalog.Latest(workflowId).States.Select(s => s.Id).ToList();
        return instances
            .GroupBy(i => i.State)
            .Select(g => new StateCount(g.Key, text.State(g.First()), g.Count()))
            .OrderBy(c => order.IndexOf(c.State) is var i && i < 0 ? int.MaxValue : i)
            .ToList();
    }

    private List<UpcomingDeadline> Upcoming(IEnumerable<Mission> missions, IEnumerable<Core.Recommendations.Recommendation> open, DateOnly today, Func<WorkflowInstance, bool> final)
    {
        var until = today.AddDays(UpcomingDays);
        bool Soon(DateOnly? date) => date is { } d && d >= today && d <= until;
        var items = new List<UpcomingDeadline>();
        var byId = missions.ToDictionary(m => m.Id);
        foreach (var mission in byId.Values.Where(m => !final(m.Instance)))
        {
            var link = $"/Missions/Details/{mission.Id}";
            if (Soon(mission.Schedule.ReportDue))
                items.Add(new(mission.Schedule.ReportDue!.Value, text["Timeline.ReportDue"], $"{mission.Code} — {mission.Title}", link, false));
            if (Soon(mission.Schedule.OnSiteDate))
                items.Add(new(mission.Schedule.OnSiteDate!.Value, text["Timeline.OnSite"], $"{mission.Code} — {mission.Title}", link, false));
            if (Soon(mission.Schedule.ConclusionDue))
                items.Add(new(mission.Schedule.ConclusionDue!.Value, text["Timeline.ConclusionDue"], $"{mission.Code} — {mission.Title}", link, false));
        }
        foreach (var r in open.Where(r => Soon(r.Deadline)))
            items.Add(new(r.Deadline, text["Timeline.RecommendationDeadline", r.Number], $"{byId[r.MissionId].Code} — {r.Text}", $"/Recommendations/Details/{r.Id}", true));
        return items.OrderBy(i => i.Date).ToList();
    }
}
