namespace MissionFlow.Core.Recommendations;

/// <summary>
/// The order every list of recommendations shows: open ones by deadline (the overdue come first by themselves),
/// then closed ones; then mission and number. It is the recommendations' (Closed, Deadline, MissionId, Number)
/// index, so a page of the newest installation costs one page of index entries, not a sort of every row.
/// </summary>
public static class UrgencyOrder
{
    public static IOrderedQueryable<Recommendation> MostUrgentFirst(this IQueryable<Recommendation> recommendations) =>
        recommendations.OrderBy(r => r.Closed).ThenBy(r => r.Deadline).ThenBy(r => r.MissionId).ThenBy(r => r.Number);
}
