namespace MissionFlow.Core.Missions;

/// <summary>The on-site working session (giám sát trực tiếp) and the figures the agency reported.</summary>
public sealed class OnsiteSession
{
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    public List<string> Attendees { get; set; } = [];
    public List<ReportedFigure> Figures { get; set; } = [];
    public string Minutes { get; set; } = "";
}

/// <summary>
/// A figure of the agency's report. When <see cref="PartOf"/> names another figure, the rate is computed
/// (4,356 of 4,387 dossiers on time = 99.29%), never typed in.
/// </summary>
public sealed class ReportedFigure
{
    public required string Name { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public string? PartOf { get; set; }

    /// <summary>A word the report puts before the number ("trên 90%": over 90), kept apart so the value stays a number.</summary>
    public string? Qualifier { get; set; }
}
