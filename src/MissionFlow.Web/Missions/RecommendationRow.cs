namespace MissionFlow.Web.Missions;

/// <summary>One recommendation of the conclusion, one row of the form.</summary>
public sealed class RecommendationRow
{
    public Guid? AgencyId { get; set; }
    public string? Text { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? DeadlineBasis { get; set; } = "calendar";
    public string? Priority { get; set; } = "normal";
    public string? Field { get; set; }
}
