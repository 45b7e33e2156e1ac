namespace MissionFlow.Web.Desk;

/// <summary>What the committee's desk shows: where missions and recommendations stand, what is late, what is next.</summary>
internal sealed record DeskView(
    IReadOnlyList<StateCount> MissionsByState,
    IReadOnlyList<StateCount> RecommendationsByState,
    IReadOnlyDictionary<string, int> RecommendationsByResult,
    IReadOnlyList<AgencyOverdue> OverdueByAgency,
    int Closed,
    int ClosedOnTime,
    decimal? OnTimeClosureRate,
    IReadOnlyList<UpcomingDeadline> Upcoming,
    int MoreDueSoon);

internal sealed record StateCount(string State, string Name, int Count);

internal sealed record AgencyOverdue(Guid AgencyId, string Agency, int Overdue);

/// <summary>A date within the next days: a recommendation's deadline, or a mission's report, session or conclusion date.</summary>
internal sealed record UpcomingDeadline(DateOnly Date, string What, string Title, string Link, bool IsRecommendation);
