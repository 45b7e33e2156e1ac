using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using MissionFlow.Core.Common;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Hosting;

/// <summary>Program.cs's part for the transport: the reverse proxy, HTTPS, cookies, headers and the sign-in rate limit.</summary>
internal static class SecurityRegistration
{
    /// <summary>Throws <see cref="SettingException"/> naming a setting that cannot be read, before anything is written.</summary>
    public static IServiceCollection AddMissionFlowSecurity(this IServiceCollection services, SecurityOptions security)
    {
        if (security.SignIn.PermitLimit < 1)
            throw new SettingException("MissionFlow:Security:SignIn:PermitLimit must be at least 1.");
        if (security.SignIn.WindowSeconds < 1)
            throw new SettingException("MissionFlow:Security:SignIn:WindowSeconds must be at least 1.");
        var proxies = security.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new SettingException($"MissionFlow:Security:KnownProxies '{p}' is not an IP address.")).ToList();
        var networks = security.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new SettingException($"MissionFlow:Security:KnownNetworks '{n}' is not a network in CIDR form (10.0.0.0/24).")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework's default trusts loopback only; a configured list replaces it, so naming the proxy's
            // address is all it takes, and a loopback that is not the proxy is not trusted behind its back.
            if (proxies.Count + networks.Count == 0)
                return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, SignInRateLimit>(SignInRateLimit.Policy);
        });
        return services;
    }

    /// <summary>First in the pipeline: what follows sees the client's address and scheme, and every answer gets the headers.</summary>
    public static WebApplication UseMissionFlowSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Only over HTTPS (the middleware checks), and never for localhost: a developer's browser is not pinned to HTTPS.
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders();
        // Every cookie (Identity's, antiforgery's, the language's) Secure when the request came over HTTPS, at least
        // SameSite=Lax, and out of reach of scripts: no page script reads one.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            Secure = CookieSecurePolicy.SameAsRequest,
            MinimumSameSitePolicy = SameSiteMode.Lax,
            HttpOnly = HttpOnlyPolicy.Always,
        });
        return app;
    }
}
