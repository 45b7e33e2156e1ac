using MissionFlow.Core.Missions;

namespace MissionFlow.Web.Missions;

/// <summary>What the conclusion form posts: the notice, one shortcoming a line, and its recommendations (blank rows dropped).</summary>
public sealed class ConclusionForm
{
    public DateOnly? Date { get; set; }
    public string? Signer { get; set; }
    public string? Achievements { get; set; }
    public string? Shortcomings { get; set; }
    public List<RecommendationRow> Recommendations { get; set; } = [];

    public static ConclusionForm Of(Mission mission)
    {
        var written = mission.Recommendations.OrderBy(r => r.Number).Select(r => new RecommendationRow
        {
            AgencyId = r.AgencyId,
            Text = r.Text,
            Deadline = r.Deadline,
            DeadlineBasis = r.DeadlineBasis.ToString().ToLowerInvariant(),
            Priority = r.Priority.ToString().ToLowerInvariant(),
            Field = r.Field,
        });
        var blank = Enumerable.Range(0, 3).Select(_ => new RecommendationRow { AgencyId = mission.AgencyIds.FirstOrDefault() });
        return new ConclusionForm
        {
            Date = mission.Conclusion?.Date,
            Signer = mission.Conclusion?.Signer,
            Achievements = mission.Conclusion?.Achievements,
            Shortcomings = mission.Conclusion is { } c ? string.Join('\n', c.Shortcomings) : null,
            Recommendations = [.. written, .. blank],
        };
    }

    public ConclusionRequest ToRequest() => new(Date, Signer, Achievements, OnsiteForm.Lines(Shortcomings),
        Recommendations.Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => new RecommendationRequest(r.AgencyId, r.Text, r.Deadline, r.DeadlineBasis, r.Priority, r.Field)).ToList());
}
