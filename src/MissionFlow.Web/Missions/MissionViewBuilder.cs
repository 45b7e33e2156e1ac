using MissionFlow.Core.Missions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Web.Missions;

/// <summary>Builds the full mission view: the mission, its roll-up and its re-supervision link.</summary>
internal sealed class MissionViewBuilder(MissionService missions)
{
    public async Task<MissionView> BuildAsync(Mission mission, Actor viewer, CancellationToken ct) =>
        MissionView.Of(mission, await missions.RollupAsync(mission.Id, viewer, ct), await missions.ResupervisionOfAsync(mission.Id, ct));
}
