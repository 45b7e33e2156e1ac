namespace MissionFlow.Web.Missions;

/// <summary>One figure of the agency's report; the value stays text until parsed, as number inputs post it.</summary>
public sealed class FigureRow
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? PartOf { get; set; }
    public string? Qualifier { get; set; }
}
