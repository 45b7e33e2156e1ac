using MissionFlow.Core.Common;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>Recording the on-site working session (giám sát trực tiếp) and the figures the agency reported.</summary>
public sealed partial class MissionService
{
    public async Task<Mission> RecordOnsiteSessionAsync(Guid missionId, OnsiteSessionRequest request, Actor actor, CancellationToken ct = default)
    {
        var mission = await ForCommandAsync(missionId, actor, ct);
        ExpectState(mission, "report-requested", "onsite-held");
        mission.OnsiteSessions.Add(new OnsiteSession
        {
            Date = Require.Value(request.Date, "date"),
            Place = Require.Text(request.Place, "place", 500),
            Attendees = [.. request.Attendees ?? []],
            Figures = (request.Figures ?? []).Select((f, i) => new ReportedFigure
            {
                Name = Require.Text(f.Name, $"figures[{i}].name", 500),
                Value = Require.Value(f.Value, $"figures[{i}].value"),
                Unit = f.Unit?.Trim() ?? "",
                PartOf = string.IsNullOrWhiteSpace(f.PartOf) ? null : f.PartOf.Trim(),
            }).ToList(),
            Minutes = request.Minutes ?? "",
        });
        var figures = mission.OnsiteSessions[^1].Figures;
        for (var i = 0; i < figures.Count; i++)
            if (figures[i].PartOf is { } whole && !figures.Any(f => f.Name == whole))
                throw new InvalidRequestException($"figures[{i}].partOf", $"'{whole}' is not a figure of this session.") { Code = "not-a-figure", Args = ["partOf", whole] };
        await db.SaveChangesAsync(ct);
        return mission;
    }
}
