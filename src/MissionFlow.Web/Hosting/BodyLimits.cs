using Microsoft.AspNetCore.Mvc;

namespace MissionFlow.Web.Hosting;

/// <summary>
/// How big a request body may be, as endpoint metadata the routing middleware hands to Kestrel: a JSON command
/// is small, a request that carries files may be as large as the upload setting. Kestrel answers 413 while
/// reading, so an oversized body is never parsed, buffered whole or stored.
/// </summary>
internal static class BodyLimits
{
    /// <summary>For a group of JSON commands: <see cref="MissionFlowOptions.MaxCommandBodyBytes"/>.</summary>
    public static TBuilder LimitCommandBodies<TBuilder>(this TBuilder builder, MissionFlowOptions options) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(options.MaxCommandBodyBytes));

    /// <summary>For an endpoint taking files: the upload setting, which outranks its group's command limit.</summary>
    public static RouteHandlerBuilder AcceptsUploads(this RouteHandlerBuilder endpoint, IEndpointRouteBuilder routes) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(routes.ServiceProvider.GetRequiredService<MissionFlowOptions>().Files.MaxRequestBytes));
}
