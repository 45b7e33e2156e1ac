using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MissionFlow.Core.People;

namespace MissionFlow.Web.People;

/// <summary>
/// Identity checks the security stamp of a cookie (its SecurityStampValidator) and of a refresh token, but not of a
/// bearer access token, which would keep its role and agency for its whole hour after the account was disabled or
/// changed. This checks it on every request that authenticated with one, and answers 401 when it no longer matches.
/// </summary>
internal sealed class BearerStampCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<AppUser> signIn)
    {
        // Already authenticated by the default scheme for this request: the handler hands back its cached result.
        var bearer = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (bearer.Succeeded && await signIn.ValidateSecurityStampAsync(bearer.Principal) is null)
        {
            await context.ChallengeAsync(IdentityConstants.BearerScheme);
            return;
        }
        await next(context);
    }
}
