using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Missions;

/// <summary>
/// Where a mission's recommendations stand: counts by state, how many are overdue, and the on-time closure rate
/// (closed on or before their deadline, as a percentage of those closed).
/// </summary>
public sealed record MissionRollup(IReadOnlyDictionary<string, int> ByState, int Total, int Overdue, int Closed, int ClosedOnTime, decimal? OnTimeClosureRate)
{
    public static MissionRollup Of(Mission mission, DefinitionCatalog catalog, CouncilClock clock, DateTimeOffset now)
    {
        var today = clock.LocalDate(now);
        var issued = mission.Recommendations.Where(r => r.Instance is not null).ToList();
        bool IsFinal(WorkflowInstance i) => catalog.Get(i.WorkflowId, i.WorkflowVersion).IsFinal(i.State);
        var closed = issued.Where(r => IsFinal(r.Instance!)).ToList();
        // A closed instance's last transition is its closing.
        var onTime = closed.Count(r => clock.LocalDate(r.Instance!.UpdatedAt) <= r.Deadline);
        return new MissionRollup(
            issued.GroupBy(r => r.Instance!.State).ToDictionary(g => g.Key, g => g.Count()),
            issued.Count,
            issued.Count(r => !IsFinal(r.Instance!) && r.Deadline < today),
            closed.Count,
            onTime,
            closed.Count == 0 ? null : Math.Round(onTime * 100m / closed.Count, 2));
    }
}
