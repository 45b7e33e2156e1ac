using MissionFlow.Core.Desk;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Desk;

/// <summary>The desk in the reader's words, from the figures Core computes, kept until a write commits (StampedCache).</summary>
internal sealed class DeskBuilder(DeskQuery query, StampedCache cache, CouncilClock clock, TimeProvider time, UiText text)
{
    public async Task<DeskView> BuildAsync(CancellationToken ct)
    {
        var today = clock.LocalDate(time.GetUtcNow());
        var figures = await cache.GetAsync((nameof(DeskFigures), today), c => query.ComputeAsync(today, c)).WaitAsync(ct);
        return new DeskView(
            Named(figures.MissionsByState, MissionService.WorkflowId),
            Named(figures.RecommendationsByState, MissionService.FollowUpWorkflowId),
            figures.RecommendationsByResult,
            figures.OverdueByAgency.Select(a => new AgencyOverdue(a.AgencyId, a.Agency, a.Count)).ToList(),
            figures.Closed,
            figures.ClosedOnTime,
            figures.OnTimeClosureRate,
            Upcoming(figures),
            figures.DueSoonCount - figures.DueSoon.Count);
    }

    private List<StateCount> Named(IReadOnlyList<StateTally> tallies, string workflowId) =>
        tallies.Select(t => new StateCount(t.State, text.State(workflowId, t.Version, t.State), t.Count)).ToList();

    private List<UpcomingDeadline> Upcoming(DeskFigures figures) =>
        figures.MissionDates.Select(d => new UpcomingDeadline(d.Date, text[MissionDateKey(d.Kind)], $"{d.Code} — {d.Title}", $"/Missions/Details/{d.MissionId}", false))
            .Concat(figures.DueSoon.Select(r => new UpcomingDeadline(r.Deadline, text["Timeline.RecommendationDeadline", r.Number], $"{r.MissionCode} — {r.Text}",
                $"/Recommendations/Details/{r.Id}", true)))
            .OrderBy(u => u.Date)
            .ToList();

    private static string MissionDateKey(MissionDateKind kind) => kind switch
    {
        MissionDateKind.ReportDue => "Timeline.ReportDue",
        MissionDateKind.OnSite => "Timeline.OnSite",
        _ => "Timeline.ConclusionDue",
    };
}
