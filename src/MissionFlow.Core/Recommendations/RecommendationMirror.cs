using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Recommendations;

/// <summary>
/// A recommendation's columns that mirror its follow-up instance, so lists and the desk filter, order and count in
/// SQL without joining instances: the deadline the timers run from, the latest verification result, whether the
/// follow-up is in a final state and the council's local date it got there (null while open). The transition
/// store writes all four with every transition of the instance.
/// </summary>
public sealed record RecommendationMirror(Guid Id, DateOnly Deadline, string? Result, bool Closed, DateOnly? ClosedOn)
{
    /// <summary>The instance data key holding the deadline.</summary>
    public const string DeadlineKey = "deadline";

    /// <summary>
    /// <paramref name="recommendation"/>'s mirror once <paramref name="decision"/> on its follow-up is written: a
    /// deadline the data does not read as a date keeps the stored one; a close is dated in the council's time zone.
    /// </summary>
    public static RecommendationMirror After(Recommendation recommendation, Decision decision, CouncilClock clock)
    {
        var transition = decision.Transition;
        var closed = decision.Definition.IsFinal(transition.To);
        return new RecommendationMirror(
            recommendation.Id,
            DataDates.TryRead(transition.Data.GetValueOrDefault(DeadlineKey), out var moved) ? moved : recommendation.Deadline,
            transition.Data.GetValueOrDefault(RecommendationService.ResultKey),
            closed,
            closed ? clock.LocalDate(transition.Journal.At) : null);
    }
}
