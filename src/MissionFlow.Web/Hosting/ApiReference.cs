using Scalar.AspNetCore;

namespace MissionFlow.Web.Hosting;

/// <summary>The browsable API reference (Scalar) over the OpenAPI document.</summary>
internal static class ApiReference
{
    public const string Path = "/docs";

    /// <summary>
    /// A fresh nonce on its inline start-up script, which <see cref="SecurityHeaders"/> puts in the page's policy,
    /// and no fonts from Scalar's servers: the page loads nothing from outside MissionFlow.
    /// </summary>
    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, o => o.WithNonce().DisableDefaultFonts());
}
