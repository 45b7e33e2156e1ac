namespace MissionFlow.Core.Missions;

/// <summary>A page of missions: free text on code and title, the mission's state, a supervised agency.</summary>
public sealed record MissionFilter(string? Q = null, string? State = null, Guid? AgencyId = null, int Page = 1, int PageSize = 50);

/// <summary>A mission in a list, with the counts of its issued recommendations the reader may see.</summary>
public sealed record MissionListItem(Mission Mission, int Recommendations, int Overdue);
