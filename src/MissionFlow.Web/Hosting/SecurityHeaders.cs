using Scalar.AspNetCore;

namespace MissionFlow.Web.Hosting;

/// <summary>
/// Content-Security-Policy, nosniff, Referrer-Policy and X-Frame-Options on every response: pages, API, static
/// files, status pages and the Hangfire dashboard. Written as the response starts, so an answer the exception
/// handler or the status pages rewrote still carries them.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// MissionFlow's own pages need nothing more: one stylesheet, no script, SVG drawn with attributes (not style).
    /// form-action 'self' also keeps an injected form from posting a password elsewhere.
    /// </summary>
    public const string Policy = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Read now: Hangfire's dashboard moves its prefix from Path to PathBase before the response starts.
            var path = context.Request.Path;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(path, context);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static string PolicyFor(PathString path, HttpContext context)
    {
        // Scalar's reference: its start-up script is inline, carrying the nonce Scalar draws per request, and its
        // bundle injects <style> elements as it renders, with no nonce to give them.
        if (path.StartsWithSegments(ApiReference.Path))
            return context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? $"{Policy}; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'"
                : Policy;
        // Hangfire's dashboard: its favicon is an empty data: URI, and its chart library adds a <style> element.
        if (path.StartsWithSegments(Jobs.JobsRegistration.DashboardPath))
            return $"{Policy}; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
        return Policy;
    }
}
