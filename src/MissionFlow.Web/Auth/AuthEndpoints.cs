namespace MissionFlow.Web.Auth;

internal static class AuthEndpoints
{
    /// <summary>
    /// ASP.NET Identity's API endpoints (login, refresh, account info) under /api/auth, less self-registration:
    /// accounts are made by the admin, each with its role and agency.
    /// </summary>
    public static void MapAuth(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapIdentityApi<Core.People.AppUser>()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                    ? Results.Problem("Accounts are created by the administrator.", statusCode: StatusCodes.Status404NotFound)
                    : await next(context));
}
