using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Ui.Desk;

/// <summary>
/// Builds the desk with grouped queries in the database, using MissionRollup over every recommendation for the
/// closure figures so the desk and the mission pages agree. No recommendation is loaded to be counted: the only
/// rows read are the missions still running and the recommendations due within the next days.
/// </summary>
internal sealed class DeskBuilder(MissionFlowDbContext db, DefinitionCatalog catalog, CouncilClock clock, TimeProvider time, UiText text)
{
    public const int UpcomingDays = 14;

    public async Task<DeskView> BuildAsync(CancellationToken ct)
    {
        var today = clock.LocalDate(time.GetUtcNow());
        var finals = catalog.FinalStates(MissionService.FollowUpWorkflowId);
        var rollup = await MissionRollup.OfAsync(db.Recommendations.AsNoTracking(), catalog, clock, today, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var overdue = (await db.Recommendations.AsNoTracking()
                .Where(r => r.InstanceId != null && r.Deadline < today && !finals.Contains(r.Instance!.State))
                .GroupBy(r => r.AgencyId)
                .Select(g => new { AgencyId = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .Select(g => new AgencyOverdue(g.AgencyId, agencies.GetValueOrDefault(g.AgencyId, "?"), g.Count))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.Agency)
            .ToList();
        return new DeskView(
            await CountsAsync(db.Missions.AsNoTracking().Select(m => m.Instance), MissionService.WorkflowId, ct),
            await CountsAsync(db.Recommendations.AsNoTracking().Where(r => r.InstanceId != null).Select(r => r.Instance!), MissionService.FollowUpWorkflowId, ct),
            rollup.ByResult,
            overdue,
            rollup.Closed,
            rollup.ClosedOnTime,
            rollup.Closed == 0 ? null : Math.Round(rollup.ClosedOnTime * 100m / rollup.Closed, 1),
            await UpcomingAsync(today, finals, ct));
    }

    /// <summary>Counts in the order the definition lists its states, so the desk reads like the procedure.</summary>
    private async Task<List<StateCount>> CountsAsync(IQueryable<WorkflowInstance> instances, string workflowId, CancellationToken ct)
    {
        var order = catalog.Latest(workflowId).States.Select(s => s.Id).ToList();
        // A state is named from the newest version that has it, as the instances in it were started on.
        var counts = await instances.GroupBy(i => i.State)
            .Select(g => new { State = g.Key, Version = g.Max(i => i.WorkflowVersion), Count = g.Count() })
            .ToListAsync(ct);
        return counts
            .Select(c => new StateCount(c.State, text.State(workflowId, c.Version, c.State), c.Count))
            .OrderBy(c => order.IndexOf(c.State) is var i && i < 0 ? int.MaxValue : i)
            .ToList();
    }

    private async Task<List<UpcomingDeadline>> UpcomingAsync(DateOnly today, List<string> finals, CancellationToken ct)
    {
        var until = today.AddDays(UpcomingDays);
        bool Soon(DateOnly? date) => date is { } d && d >= today && d <= until;
        var missionFinals = catalog.FinalStates(MissionService.WorkflowId);
        var running = await db.Missions.AsNoTracking().Where(m => !missionFinals.Contains(m.Instance.State))
            .Select(m => new { m.Id, m.Code, m.Title, m.Schedule }).ToListAsync(ct);
        var items = new List<UpcomingDeadline>();
        foreach (var mission in running)
        {
            var link = $"/Missions/Details/{mission.Id}";
            if (Soon(mission.Schedule.ReportDue))
                items.Add(new(mission.Schedule.ReportDue!.Value, text["Timeline.ReportDue"], $"{mission.Code} — {mission.Title}", link, false));
            if (Soon(mission.Schedule.OnSiteDate))
                items.Add(new(mission.Schedule.OnSiteDate!.Value, text["Timeline.OnSite"], $"{mission.Code} — {mission.Title}", link, false));
            if (Soon(mission.Schedule.ConclusionDue))
                items.Add(new(mission.Schedule.ConclusionDue!.Value, text["Timeline.ConclusionDue"], $"{mission.Code} — {mission.Title}", link, false));
        }
        var due = await (from r in db.Recommendations.AsNoTracking()
                         join m in db.Missions on r.MissionId equals m.Id
                         where r.InstanceId != null && r.Deadline >= today && r.Deadline <= until && !finals.Contains(r.Instance!.State)
                         select new { r.Id, r.Number, r.Text, r.Deadline, m.Code }).ToListAsync(ct);
        items.AddRange(due.Select(r => new UpcomingDeadline(r.Deadline, text["Timeline.RecommendationDeadline", r.Number], $"{r.Code} — {r.Text}", $"/Recommendations/Details/{r.Id}", true)));
        return items.OrderBy(i => i.Date).ToList();
    }
}
