using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Missions;

/// <summary>The facts of a mission the supervision-mission workflow asks about before some triggers.</summary>
internal static class MissionFacts
{
    public static IReadOnlySet<string> Of(Mission mission, Func<string, int, WorkflowDefinition> definitions)
    {
        var facts = new HashSet<string>();
        if (mission.OnsiteSessions.Count > 0)
            facts.Add("onsite-session-recorded");
        if (mission.Conclusion is not null && mission.Recommendations.Count > 0)
            facts.Add("conclusion-written");
        if (mission.Recommendations.Count > 0 && mission.Recommendations.All(r =>
                r.Instance is { } i && definitions(i.WorkflowId, i.WorkflowVersion).IsFinal(i.State)))
            facts.Add("all-recommendations-closed");
        return facts;
    }
}
