namespace MissionFlow.Core.Recommendations;

/// <summary>
/// What "overdue", "due soon" and "closed on time" mean, over the mirrored Closed, ClosedOn and Deadline: written
/// once for the lists, the counts, the roll-up and the desk, and each a range of the (Closed, Deadline) indexes.
/// </summary>
public static class FollowUpFilters
{
    public static IQueryable<Recommendation> OverdueOn(this IQueryable<Recommendation> recommendations, DateOnly today) =>
        recommendations.Where(r => !r.Closed && r.Deadline < today);

    public static IQueryable<Recommendation> DueBetween(this IQueryable<Recommendation> recommendations, DateOnly from, DateOnly until) =>
        recommendations.Where(r => !r.Closed && r.Deadline >= from && r.Deadline <= until);

    /// <summary>Closed on or before the deadline, by the council's date of the closing.</summary>
    public static IQueryable<Recommendation> ClosedOnTime(this IQueryable<Recommendation> recommendations) =>
        recommendations.Where(r => r.Closed && r.ClosedOn <= r.Deadline);
}
