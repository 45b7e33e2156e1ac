using System.Security.Claims;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Missions;

internal static class MissionAccess
{
    /// <summary>Agency people see only missions that supervise their agency; any other id is "not found" to them.</summary>
    public static async Task<Mission> VisibleAsync(Guid id, ClaimsPrincipal user, MissionService missions, CancellationToken ct)
    {
        var mission = await missions.GetAsync(id, ct);
        if (user.ScopedAgency() is { } agency && !mission.AgencyIds.Contains(agency))
            throw new NotFoundException($"No mission {id}.");
        return mission;
    }
}
