using MissionFlow.Core.Missions;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Missions;

/// <summary>Builds the full mission view: the mission, its roll-up and its re-supervision link.</summary>
internal sealed class MissionViewBuilder(MissionService missions, DefinitionCatalog catalog, CouncilClock clock, TimeProvider time)
{
    public async Task<MissionView> BuildAsync(Mission mission, CancellationToken ct) =>
        MissionView.Of(mission, MissionRollup.Of(mission, catalog, clock, time.GetUtcNow()), await missions.ResupervisionOfAsync(mission.Id, ct));
}
