namespace MissionFlow.Core.Missions;

/// <summary>The conclusion notice (thông báo kết luận); frozen once issued.</summary>
public sealed class Conclusion
{
    public DateOnly Date { get; set; }
    public string Signer { get; set; } = "";
    public string Achievements { get; set; } = "";
    public List<string> Shortcomings { get; set; } = [];
    public DateTimeOffset? IssuedAt { get; set; }
}
