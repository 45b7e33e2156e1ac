namespace MissionFlow.Web.Hosting;

/// <summary>Section "MissionFlow:Security": the sign-in rate limit and the reverse proxies trusted for X-Forwarded-*.</summary>
public sealed class SecurityOptions
{
    public SignInLimitOptions SignIn { get; set; } = new();

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For, -Proto and -Host are believed; empty with KnownNetworks empty means loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, as CIDR ("10.0.0.0/24").</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Sign-in attempts allowed from one client address per window, over the API's login and refresh and the sign-in page.</summary>
public sealed class SignInLimitOptions
{
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}
