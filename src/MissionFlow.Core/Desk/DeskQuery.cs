using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Desk;

/// <summary>
/// The desk's figures as grouped, indexed queries: counts by state from the instances' (WorkflowId, State) index,
/// overdue and due-soon as ranges of the recommendations' (Closed, Deadline) index, closures from the mirrored
/// Closed and ClosedOn. No recommendation is loaded to be counted; the only rows read are the running missions
/// with a date soon and the first <see cref="DueSoonShown"/> items due soon.
/// </summary>
public sealed class DeskQuery(MissionFlowDbContext db, DefinitionCatalog catalog)
{
    public const int UpcomingDays = 14;

    /// <summary>Items due soon listed by name; the rest are counted and linked to the list.</summary>
    public const int DueSoonShown = 20;

    public async Task<DeskFigures> ComputeAsync(DateOnly today, CancellationToken ct)
    {
        var issued = db.Recommendations.AsNoTracking().Where(r => r.InstanceId != null);
        var overdue = await issued.OverdueOn(today)
            .GroupBy(r => r.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdueAgencies = overdue.Select(o => o.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => overdueAgencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var until = today.AddDays(UpcomingDays);
        var dueSoon = issued.DueBetween(today, until);
        return new DeskFigures(
            await StatesAsync(MissionService.WorkflowId, ct),
            await StatesAsync(MissionService.FollowUpWorkflowId, ct),
            await issued.Where(r => r.Result != null).GroupBy(r => r.Result!).Select(g => new { Result = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Result, g => g.Count, ct),
            overdue.Select(o => new AgencyTally(o.AgencyId, names.GetValueOrDefault(o.AgencyId, "?"), o.Count))
                .OrderByDescending(a => a.Count).ThenBy(a => a.Agency, StringComparer.Ordinal).ToList(),
            await issued.CountAsync(r => r.Closed, ct),
            await issued.ClosedOnTime().CountAsync(ct),
            await MissionDatesAsync(today, until, ct),
            await (from r in dueSoon
                   join m in db.Missions on r.MissionId equals m.Id
                   orderby r.Deadline, r.MissionId, r.Number
                   select new DueRecommendation(r.Deadline, r.Id, r.Number, r.Text, m.Code)).Take(DueSoonShown).ToListAsync(ct),
            await dueSoon.CountAsync(ct));
    }

    /// <summary>Counts in the order the definition lists its states, so the desk reads like the procedure.</summary>
    private async Task<List<StateTally>> StatesAsync(string workflowId, CancellationToken ct)
    {
        var order = catalog.Latest(workflowId).States.Select(s => s.Id).ToList();
        var counts = await db.Instances.AsNoTracking().Where(i => i.WorkflowId == workflowId).GroupBy(i => i.State)
            .Select(g => new StateTally(g.Key, g.Max(i => i.WorkflowVersion), g.Count()))
            .ToListAsync(ct);
        return counts.OrderBy(c => order.IndexOf(c.State) is var i && i < 0 ? int.MaxValue : i).ToList();
    }

    private async Task<List<MissionDate>> MissionDatesAsync(DateOnly today, DateOnly until, CancellationToken ct)
    {
        bool Soon(DateOnly? date) => date is { } d && d >= today && d <= until;
        var finals = catalog.FinalStates(MissionService.WorkflowId);
        var running = await db.Missions.AsNoTracking()
            .Where(m => !finals.Contains(m.Instance.State)
                        && ((m.Schedule.ReportDue >= today && m.Schedule.ReportDue <= until)
                            || (m.Schedule.OnSiteDate >= today && m.Schedule.OnSiteDate <= until)
                            || (m.Schedule.ConclusionDue >= today && m.Schedule.ConclusionDue <= until)))
            .Select(m => new { m.Id, m.Code, m.Title, m.Schedule }).ToListAsync(ct);
        var dates = new List<MissionDate>();
        foreach (var m in running)
        {
            if (Soon(m.Schedule.ReportDue))
                dates.Add(new(m.Schedule.ReportDue!.Value, MissionDateKind.ReportDue, m.Id, m.Code, m.Title));
            if (Soon(m.Schedule.OnSiteDate))
                dates.Add(new(m.Schedule.OnSiteDate!.Value, MissionDateKind.OnSite, m.Id, m.Code, m.Title));
            if (Soon(m.Schedule.ConclusionDue))
                dates.Add(new(m.Schedule.ConclusionDue!.Value, MissionDateKind.ConclusionDue, m.Id, m.Code, m.Title));
        }
        return dates;
    }
}
