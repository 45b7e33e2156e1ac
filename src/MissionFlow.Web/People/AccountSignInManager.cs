using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionFlow.Core.People;

namespace MissionFlow.Web.People;

/// <summary>
/// Identity's sign-in, less the accounts that may not be used: disabled by the admin, or of a deactivated agency.
/// The same rule rides on the security-stamp check, so a session of such an account (cookie, bearer token checked
/// by <see cref="BearerStampCheck"/>, refresh token) ends at its next request even if a change missed the stamp.
/// </summary>
internal sealed class AccountSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    PeopleService people)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user) && await people.MayUseAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && await people.MayUseAsync(user!);
}
