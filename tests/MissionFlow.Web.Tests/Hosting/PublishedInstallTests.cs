using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>
/// MissionFlow as an operator installs it (README, Deploy): the output of <c>dotnet publish</c>, started on its own
/// with a production start's settings. It answers ready, its bootstrap admin signs in, and no demo account does.
/// </summary>
public sealed class PublishedInstallTests : IDisposable
{
    private const string Admin = "quantri@hdnd.example";
    private const string Password = "Mat-khau-quan-tri-2026";

    private readonly string _root = Directory.CreateTempSubdirectory("missionflow-publish-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_published_folder_starts_with_production_settings_and_only_its_own_admin_signs_in()
    {
        var app = Path.Combine(_root, "app");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(RepoFolder.Root, "src", "MissionFlow.Web"), "-c", "Release", "-o", app, "--nologo"])
        {
            RedirectStandardOutput = true,
        })!;
        var published = publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token);
        Assert.True(publish.ExitCode == 0, await published);

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "MissionFlow.Web.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = url,
                ["MissionFlow__DataDirectory"] = Path.Combine(_root, "data"),
                ["MissionFlow__BootstrapAdmin__Email"] = Admin,
                ["MissionFlow__BootstrapAdmin__Password"] = Password,
            },
        };
        using var server = Process.Start(start)!;
        var log = server.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilUpAsync(client, server, log);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email = Admin, password = Password })).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.Admin, password = "Demo@12345" })).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process server, Task<string> log)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(90); waited += TimeSpan.FromMilliseconds(250))
        {
            if (server.HasExited)
                Assert.Fail($"the published MissionFlow stopped with {server.ExitCode}: {await log}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail("the published MissionFlow did not answer /health within 90 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
