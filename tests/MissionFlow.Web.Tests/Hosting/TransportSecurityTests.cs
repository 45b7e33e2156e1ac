using System.Net;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy that ends HTTPS: a production host on a real socket, reached from loopback, with the
/// X-Forwarded-* headers such a proxy adds. Whether they are believed depends on MissionFlow:Security:KnownProxies.
/// </summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Behind_a_trusted_proxy_HTTPS_brings_HSTS_and_secure_cookies()
    {
        await using var app = Production();
        var server = app.OnSocket();

        var https = await SignInPageAsync(server, forwardedProto: "https");
        var http = await SignInPageAsync(server, forwardedProto: null);

        Assert.StartsWith("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(https.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(https.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.All(http.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_configured_proxy_the_forwarded_headers_are_ignored()
    {
        // 192.0.2.10 (a documentation address, never contacted) is the only proxy: loopback is no longer trusted.
        await using var app = Production(("MissionFlow:Security:KnownProxies:0", "192.0.2.10"));
        var server = app.OnSocket();

        var answer = await SignInPageAsync(server, forwardedProto: "https");

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
        Assert.All(answer.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_start_up_naming_it()
    {
        var data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;
        try
        {
            var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", data,
                "--MissionFlow:Security:KnownNetworks:0", "10.0.0.0/33");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("MissionFlow:Security:KnownNetworks '10.0.0.0/33' is not a network in CIDR form", result.Errors);
            Assert.Empty(Directory.EnumerateFileSystemEntries(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static MissionFlowApp Production(params (string Key, string Value)[] settings)
    {
        var app = new MissionFlowApp { Settings = { ["environment"] = "Production" } };
        foreach (var (key, value) in settings)
            app.Settings[key] = value;
        return app;
    }

    /// <summary>The sign-in page sets the antiforgery cookie; the Host is the public name a proxy would forward.</summary>
    private static async Task<HttpResponseMessage> SignInPageAsync(Uri server, string? forwardedProto)
    {
        using var client = new HttpClient { BaseAddress = server };
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        request.Headers.Add("X-Forwarded-Host", "giamsat.hdnd.example");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var answer = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return answer;
    }
}
