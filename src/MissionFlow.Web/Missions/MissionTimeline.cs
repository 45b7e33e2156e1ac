using MissionFlow.Core.Missions;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Missions;

/// <summary>One dated step of a mission; <see cref="Late"/> marks a recommendation deadline passed while still open.</summary>
internal sealed record Milestone(DateOnly Date, string Label, string? Detail, bool Past, bool Late);

/// <summary>A mission's dates in order: plan, report due, on-site session, conclusion, each recommendation's deadline.</summary>
internal static class MissionTimeline
{
    public static IReadOnlyList<Milestone> Of(Mission mission, IReadOnlyList<RecommendationDeadline> deadlines, UiText text, CouncilClock clock, DateOnly today)
    {
        var steps = new List<(DateOnly Date, string Label, string? Detail, bool Late)>
        {
            (clock.LocalDate(mission.CreatedAt), text["Timeline.Plan"], null, false),
        };
        if (mission.Schedule.ReportDue is { } report)
            steps.Add((report, text["Timeline.ReportDue"], Assumed(mission.Schedule.ReportDueAssumed, text), false));
        if (mission.OnsiteSessions.Count > 0)
            steps.AddRange(mission.OnsiteSessions.Select(s => (s.Date, text["Timeline.OnSiteHeld"], (string?)s.Place, false)));
        else if (mission.Schedule.OnSiteDate is { } onsite)
            steps.Add((onsite, text["Timeline.OnSite"], null, false));
        if (mission.Conclusion is { } conclusion)
            steps.Add((conclusion.Date, conclusion.IssuedAt is null ? text["Timeline.ConclusionDraft"] : text["Timeline.ConclusionIssued"], conclusion.Signer, false));
        else if (mission.Schedule.ConclusionDue is { } due)
            steps.Add((due, text["Timeline.ConclusionDue"], Assumed(mission.Schedule.ConclusionDueAssumed, text), false));
        steps.AddRange(deadlines
            .GroupBy(r => r.Deadline)
            .Select(g => (g.Key, text["Timeline.RecommendationDeadlines"], (string?)string.Join(", ", g.Select(r => $"#{r.Number}")), g.Any(r => r.Overdue))));
        return steps.OrderBy(s => s.Date).Select(s => new Milestone(s.Date, s.Label, s.Detail, s.Date < today, s.Late)).ToList();
    }

    private static string? Assumed(bool assumed, UiText text) => assumed ? text["Timeline.Assumed"] : null;
}
