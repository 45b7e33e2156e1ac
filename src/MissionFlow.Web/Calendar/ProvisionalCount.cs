using MissionFlow.Core.Recommendations;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Calendar;

/// <summary>
/// Whether a recommendation's dates rest on a provisional year: its deadline, when given in working days from the
/// conclusion, or an escalation its follow-up counts in working days from the deadline, runs through a year the
/// government has not announced yet, so the date may move when the announcement is added.
/// </summary>
internal static class ProvisionalCount
{
    public static bool Of(Recommendation recommendation, DateOnly? conclusionDate, WorkflowDefinition followUp, WorkingCalendar calendar)
    {
        var deadline = recommendation.Deadline;
        DateOnly[] ends =
        [
            deadline,
            recommendation.DeadlineBasis == DeadlineBasis.Working && conclusionDate is { } from ? from : deadline,
            .. followUp.TimerList
                .Where(t => t.Kind == TimerKind.Escalation && t.Anchor == "deadline" && t.ParsedOffset.WorkingDays)
                .Select(t => calendar.Add(deadline, t.ParsedOffset)),
        ];
        return calendar.CountsThroughProvisional(ends.Min(), ends.Max());
    }
}
