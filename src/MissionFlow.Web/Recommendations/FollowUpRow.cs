using MissionFlow.Core.Recommendations;

namespace MissionFlow.Web.Recommendations;

/// <summary>One recommendation as the inbox and the exports show it, already in the reader's words.</summary>
internal sealed record FollowUpRow(
    Recommendation Recommendation,
    string MissionCode,
    string AgencyName,
    string StateName,
    bool Overdue,
    bool Closed,
    string? Result,
    string History);
