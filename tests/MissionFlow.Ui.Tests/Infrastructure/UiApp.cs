using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>
/// The real web host on a real loopback port (a browser needs a socket, not the in-memory TestServer), over a
/// SQLite file in a fresh data folder with the demo seed, asked for as the README's run command does.
/// </summary>
public sealed class UiApp : WebApplicationFactory<Program>
{
    private readonly Func<IReadOnlyDictionary<string, string?>>? _settings;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("missionflow-ui-").FullName;

    /// <param name="settings">More settings, read when the server starts (an SSO provider's address is known only then).</param>
    public UiApp(Func<IReadOnlyDictionary<string, string?>>? settings = null)
    {
        _settings = settings;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>http://127.0.0.1:port, once the server has started.</summary>
    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MissionFlow:DataDirectory", DataDirectory);
        builder.UseSetting("MissionFlow:Demo", "true");
        // The reminder jobs are not what these tests watch; a Hangfire server would only compete for the two cores.
        builder.UseSetting("MissionFlow:Reminders:Jobs:Server", "false");
        // Every test signs in from 127.0.0.1 within a minute or so: the sign-in rate limit is Web.Tests' to check.
        builder.UseSetting("MissionFlow:Security:SignIn:PermitLimit", "100000");
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings?.Invoke() ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
