namespace MissionFlow.Core.Missions;

/// <summary>A recommendation's deadline on its mission's timeline: its number, and whether it passed while still open.</summary>
public sealed record RecommendationDeadline(DateOnly Deadline, int Number, bool Overdue);
