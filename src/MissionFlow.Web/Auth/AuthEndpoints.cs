using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionFlow.Core.Common;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Auth;

/// <summary>
/// Sign-in and token refresh under /api/auth, and nothing else: accounts are made by the admin, each with its role
/// and agency, so Identity's register, e-mail confirmation, password reset and 2FA routes are not mapped at all
/// (MapIdentityApi would map them, and a filter on the path is one trailing slash away from being bypassed).
/// </summary>
internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(SignInRateLimit.Policy);
        auth.MapPost("/login", LoginAsync).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// The bearer scheme writes { accessToken, refreshToken, expiresIn, tokenType } itself on sign-in; with
    /// useCookies (or useSessionCookies) the browser gets the Identity cookie instead, as with Identity's own route.
    /// </summary>
    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest login, bool? useCookies, bool? useSessionCookies, SignInManager<AppUser> signIn)
    {
        var email = Require.Text(login.Email, "email", 256);
        Require.Text(login.Password, "password", 1024);
        signIn.AuthenticationScheme = useCookies == true || useSessionCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var isPersistent = useCookies == true && useSessionCookies != true;
        var result = await signIn.PasswordSignInAsync(email, login.Password!, isPersistent, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(result.ToString(), statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>A refresh token is worth a new pair only while unexpired and while the account's security stamp is the one it was issued under.</summary>
    private static async Task<Results<Ok<AccessTokenResponse>, SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest refresh, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var token = Require.Text(refresh.RefreshToken, "refreshToken", 8192);
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    internal sealed record LoginRequest(string? Email, string? Password);

    internal sealed record RefreshRequest(string? RefreshToken);
}
