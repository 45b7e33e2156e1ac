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
            Place = Require.Text(request.Place, "place", InputLimits.Line),
            Attendees = Require.AtMost(request.Attendees, "attendees", InputLimits.ListItems)
                .Select((a, i) => Require.OptionalText(a, $"attendees[{i}]", InputLimits.PersonName)).ToList(),
            Figures = Require.AtMost(request.Figures, "figures", InputLimits.ListItems).Select((f, i) => new ReportedFigure
            {
                Name = Require.Text(f.Name, $"figures[{i}].name", InputLimits.Line),
                Value = Require.Value(f.Value, $"figures[{i}].value"),
                Unit = Require.OptionalText(f.Unit, $"figures[{i}].unit", InputLimits.Unit),
                PartOf = Require.OptionalText(f.PartOf, $"figures[{i}].partOf", InputLimits.Line) is { Length: > 0 } whole ? whole : null,
                Qualifier = Require.OptionalText(f.Qualifier, $"figures[{i}].qualifier", InputLimits.Unit) is { Length: > 0 } qualifier ? qualifier : null,
            }).ToList(),
            Minutes = Require.OptionalText(request.Minutes, "minutes", InputLimits.Section),
        });
        var figures = mission.OnsiteSessions[^1].Figures;
        for (var i = 0; i < figures.Count; i++)
            if (figures[i].PartOf is { } whole && !figures.Any(f => f.Name == whole))
                throw new InvalidRequestException($"figures[{i}].partOf", $"'{whole}' is not a figure of this session.") { Code = "not-a-figure", Args = ["partOf", whole] };
        await db.SaveChangesAsync(ct);
        return mission;
    }
}
