using System.Globalization;
using MissionFlow.Core.Common;
using MissionFlow.Core.Recommendations;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>Writing the conclusion while it is a draft, and issuing it: one follow-up instance per recommendation.</summary>
public sealed partial class MissionService
{
    /// <summary>Writes (or rewrites) the conclusion and its recommendations while it is still a draft.</summary>
    public async Task<Mission> WriteConclusionAsync(Guid missionId, ConclusionRequest request, Actor actor, CancellationToken ct = default)
    {
        var mission = await ForCommandAsync(missionId, actor, ct);
        ExpectState(mission, "conclusion-drafting");
        var items = Require.AtMost(request.Recommendations, "recommendations", InputLimits.ManyItems);
        if (items.Count == 0)
            throw new InvalidRequestException("recommendations", "A conclusion carries at least one recommendation.") { Code = "no-recommendations", Args = ["recommendations"] };
        var recommendations = items.Select((r, i) =>
        {
            var agencyId = Require.Value(r.AgencyId, $"recommendations[{i}].agencyId");
            if (!mission.Imported && r.Deadline < clock.LocalDate(time.GetUtcNow()))
                throw new InvalidRequestException($"recommendations[{i}].deadline",
                    "The deadline has already passed. To enter a past mission, create it with \"imported\": true.") { Code = "deadline-past", Args = ["deadline"] };
            if (!mission.AgencyIds.Contains(agencyId))
                throw new InvalidRequestException($"recommendations[{i}].agencyId", "The agency is not one this mission supervises.") { Code = "agency-not-supervised", Args = ["agencyId"] };
            return new Recommendation
            {
                MissionId = mission.Id,
                Number = i + 1,
                AgencyId = agencyId,
                Text = Require.Text(r.Text, $"recommendations[{i}].text", InputLimits.Paragraph),
                OriginalDeadline = Require.Value(r.Deadline, $"recommendations[{i}].deadline"),
                Deadline = r.Deadline!.Value,
                DeadlineBasis = Require.Enum(r.DeadlineBasis, $"recommendations[{i}].deadlineBasis", DeadlineBasis.Calendar),
                Priority = Require.Enum(r.Priority, $"recommendations[{i}].priority", Priority.Normal),
                Field = Require.OptionalText(r.Field, $"recommendations[{i}].field", InputLimits.AdministrativeField) is { Length: > 0 } field ? field : null,
            };
        }).ToList();
        mission.Conclusion = new Conclusion
        {
            Date = Require.Value(request.Date, "date"),
            Signer = Require.Text(request.Signer, "signer", InputLimits.PersonName),
            Achievements = Require.OptionalText(request.Achievements, "achievements", InputLimits.Section),
            Shortcomings = Require.AtMost(request.Shortcomings, "shortcomings", InputLimits.ListItems)
                .Select((s, i) => Require.OptionalText(s, $"shortcomings[{i}]", InputLimits.Paragraph)).ToList(),
        };
        db.Recommendations.RemoveRange(mission.Recommendations);
        mission.Recommendations.Clear();
        mission.Recommendations.AddRange(recommendations);
        await db.SaveChangesAsync(ct);
        return mission;
    }


    private void IssueConclusion(Mission mission, string followUpWorkflow, Actor actor)
    {
        mission.Conclusion!.IssuedAt = time.GetUtcNow();
        foreach (var recommendation in mission.Recommendations)
        {
            var instance = workflows.Start(followUpWorkflow, mission.Regime.Slug(), new Dictionary<string, string>
            {
                ["agencyId"] = recommendation.AgencyId.ToString(),
                ["deadline"] = DataDates.Write(recommendation.OriginalDeadline),
                ["missionCode"] = mission.Code,
                ["number"] = recommendation.Number.ToString(CultureInfo.InvariantCulture),
                ["text"] = recommendation.Text,
            }, actor, mission.Imported);
            recommendation.InstanceId = instance.Id;
        }
    }
}
