using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Auth;

/// <summary>Puts the agency and language in the token and cookie, so a request needs no user lookup to be scoped.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string AgencyClaim = "missionflow:agency";
    public const string LanguageClaim = "missionflow:language";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency)
            identity.AddClaim(new Claim(AgencyClaim, agency.ToString()));
        identity.AddClaim(new Claim(LanguageClaim, user.Language));
        return identity;
    }
}
