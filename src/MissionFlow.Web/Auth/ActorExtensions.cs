using System.Security.Claims;
using MissionFlow.Core.People;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Web.Auth;

internal static class ActorExtensions
{
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "anonymous",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirstValue(AppClaimsFactory.AgencyClaim));

    /// <summary>The agency whose data alone this person may see, or null for committee and admin people.</summary>
    public static Guid? ScopedAgency(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AppClaimsFactory.AgencyClaim), out var id) ? id : null;

    public static bool IsCommitteeSide(this ClaimsPrincipal user) =>
        Roles.All.Where(r => !Roles.IsAgencyRole(r)).Any(user.IsInRole);
}
