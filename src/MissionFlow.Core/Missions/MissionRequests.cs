namespace MissionFlow.Core.Missions;

public sealed record CreateMissionRequest(
    string? Code,
    string? Title,
    string? Topic,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string? LegalBasis,
    IReadOnlyList<Guid>? AgencyIds,
    IReadOnlyList<DelegationMemberRequest>? Delegation,
    ScheduleRequest? Schedule,
    string? Regime = null,
    bool Imported = false);

public sealed record DelegationMemberRequest(string? Email, string? Role, string? Name = null);

/// <summary>The planned dates; a date the source does not give (an imported mission) is marked assumed.</summary>
public sealed record ScheduleRequest(DateOnly? ReportDue, DateOnly? OnSiteDate, DateOnly? ConclusionDue,
    bool ReportDueAssumed = false, bool ConclusionDueAssumed = false);

public sealed record OnsiteSessionRequest(
    DateOnly? Date,
    string? Place,
    IReadOnlyList<string>? Attendees,
    IReadOnlyList<FigureRequest>? Figures,
    string? Minutes);

public sealed record FigureRequest(string? Name, decimal? Value, string? Unit, string? PartOf = null, string? Qualifier = null);

public sealed record ConclusionRequest(
    DateOnly? Date,
    string? Signer,
    string? Achievements,
    IReadOnlyList<string>? Shortcomings,
    IReadOnlyList<RecommendationRequest>? Recommendations);

public sealed record RecommendationRequest(Guid? AgencyId, string? Text, DateOnly? Deadline, string? DeadlineBasis, string? Priority, string? Field = null);
