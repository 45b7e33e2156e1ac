using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>
/// The real web host over a real SQLite file in a fresh data folder: migrations, the published workflows and the
/// demo seed all run as on a newcomer's machine.
/// </summary>
/// <remarks>With <c>demo: false</c> the database starts empty but for the bootstrap admin <see cref="BootstrapAdmin"/>.</remarks>
public sealed class MissionFlowApp(string provider = "sqlite", bool demo = true) : WebApplicationFactory<Program>
{
    public const string BootstrapAdmin = "first.admin@council.example";
    public const string BootstrapPassword = "First@Admin2026";

    private readonly string? _postgres = provider == "postgresql" ? PostgresServer.NewDatabase("missionflow_web") : null;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("missionflow-web-").FullName;

    /// <summary>Run Hangfire's server; off by default so no recurring job touches a test's data behind its back.</summary>
    public bool JobsServer { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MissionFlow:DataDirectory", DataDirectory);
        builder.UseSetting("MissionFlow:Reminders:Jobs:Server", JobsServer ? "true" : "false");
        if (!demo)
        {
            builder.UseSetting("MissionFlow:Demo", "false");
            builder.UseSetting("MissionFlow:BootstrapAdmin:Email", BootstrapAdmin);
            builder.UseSetting("MissionFlow:BootstrapAdmin:Password", BootstrapPassword);
        }
        if (_postgres is not null)
        {
            builder.UseSetting("MissionFlow:Database:Provider", "PostgreSql");
            builder.UseSetting("MissionFlow:Database:ConnectionString", _postgres);
            builder.UseSetting("MissionFlow:Demo", "true");
        }
        builder.UseEnvironment("Development");
    }

    /// <summary>A client signed in through POST /api/auth/login, carrying the bearer token.</summary>
    public Task<HttpClient> SignInAsync(string email, string password = "Demo@12345") => SignIn.SignInAsync(this, email, password);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
            await PostgresServer.DropAsync(_postgres);
        Directory.Delete(DataDirectory, recursive: true);
    }
}
