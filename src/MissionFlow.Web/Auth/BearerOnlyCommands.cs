using Microsoft.Net.Http.Headers;

namespace MissionFlow.Web.Auth;

/// <summary>
/// Commands on the API need the bearer token. The browser's Identity cookie is also accepted by /api (so the
/// UI can link to a JSON or SVG resource), but a cookie travels with any cross-site or sibling-subdomain form
/// post, and the API's commands have no antiforgery token: a command carried by the cookie alone is refused.
/// </summary>
internal sealed class BearerOnlyCommands : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var isCommand = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var hasBearer = request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return isCommand && !hasBearer
            ? Results.Problem("API commands need an 'Authorization: Bearer' token; the browser's cookie is for reading only.", statusCode: StatusCodes.Status403Forbidden)
            : await next(context);
    }
}
