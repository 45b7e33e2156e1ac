namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>
/// MissionFlow with single sign-on through <see cref="OidcProvider"/>, and a browser: the provider starts first (its
/// address is MissionFlow's authority), and learns MissionFlow's callback once MissionFlow has a port.
/// </summary>
public sealed class SsoHost : UiHost
{
    private SsoHost(OidcProvider provider) : base(new UiApp(provider.ClientSettings)) => Provider = provider;

    public SsoHost() : this(new OidcProvider())
    {
    }

    public OidcProvider Provider { get; }

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
        await Provider.RegisterClientAsync(BaseUrl + "/signin-oidc");
        // MissionFlow reads the provider's discovery document and keys once, at its first challenge; on a machine
        // other builds share, that first round trip can outlast a test's wait, so the fixture makes it here.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        using var challenge = await client.GetAsync("/Account/SingleSignOn");
        Assert.StartsWith(Provider.Authority, challenge.Headers.Location?.ToString());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
