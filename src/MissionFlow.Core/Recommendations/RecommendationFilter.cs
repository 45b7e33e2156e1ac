namespace MissionFlow.Core.Recommendations;

/// <summary>An inbox query; <see cref="ScopeAgency"/> is forced to the caller's agency for agency people.</summary>
public sealed record RecommendationFilter(
    Guid? AgencyId = null,
    Guid? MissionId = null,
    string? State = null,
    bool? Overdue = null,
    int? DueWithinDays = null,
    int Page = 1,
    int PageSize = 50,
    Guid? ScopeAgency = null,
    string? Field = null);

