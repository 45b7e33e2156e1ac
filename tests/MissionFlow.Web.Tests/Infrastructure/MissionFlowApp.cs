using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>
/// The real web host over a real SQLite file in a fresh data folder: migrations, the published workflows and the
/// demo seed (asked for, as the README's run command does) all run as on a newcomer's machine.
/// </summary>
/// <remarks>
/// With <c>demo: false</c> the start says nothing of the demo, as a production start, and configures the bootstrap
/// admin <see cref="BootstrapAdmin"/>. A <paramref name="dataDirectory"/> given by the test is the test's to delete.
/// </remarks>
public sealed class MissionFlowApp(string provider = "sqlite", bool demo = true, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    public const string BootstrapAdmin = "first.admin@council.example";
    public const string BootstrapPassword = "First@Admin2026";

    private readonly string? _postgres = provider == "postgresql" ? PostgresServer.NewDatabase("missionflow_web") : null;

    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("missionflow-web-").FullName;

    /// <summary>Run Hangfire's server; off by default so no recurring job touches a test's data behind its back.</summary>
    public bool JobsServer { get; init; }

    /// <summary>More settings, applied last ("MissionFlow:Security:SignIn:PermitLimit" = "3").</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>
    /// The host on a real loopback socket instead of the in-memory TestServer, for what needs a client address
    /// (the sign-in rate limit, trusted proxies): http://127.0.0.1:port once started.
    /// </summary>
    public Uri OnSocket()
    {
        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MissionFlow:DataDirectory", DataDirectory);
        builder.UseSetting("MissionFlow:Reminders:Jobs:Server", JobsServer ? "true" : "false");
        if (demo)
        {
            builder.UseSetting("MissionFlow:Demo", "true");
        }
        else
        {
            builder.UseSetting("MissionFlow:BootstrapAdmin:Email", BootstrapAdmin);
            builder.UseSetting("MissionFlow:BootstrapAdmin:Password", BootstrapPassword);
        }
        if (_postgres is not null)
        {
            builder.UseSetting("MissionFlow:Database:Provider", "PostgreSql");
            builder.UseSetting("MissionFlow:Database:ConnectionString", _postgres);
        }
        builder.UseEnvironment("Development");
        // The tests sign in many times from one address within a minute; the limit has tests of its own.
        builder.UseSetting("MissionFlow:Security:SignIn:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A client signed in through POST /api/auth/login, carrying the bearer token.</summary>
    public Task<HttpClient> SignInAsync(string email, string password = "Demo@12345") => SignIn.SignInAsync(this, email, password);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
            await PostgresServer.DropAsync(_postgres);
        if (dataDirectory is null)
            Directory.Delete(DataDirectory, recursive: true);
    }
}
