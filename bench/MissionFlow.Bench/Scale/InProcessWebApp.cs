using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Hosting;

namespace MissionFlow.Bench.Scale;

/// <summary>
/// MissionFlow.Web started by its own entry point in this process, Kestrel on a loopback port: the real pipeline
/// (middleware, authentication, Razor Pages, the API) as <c>dotnet run</c> starts it, with the demo seed for the
/// accounts that sign in. Its services are taken as the host is built (the "HostBuilt" diagnostic event, as the
/// framework's own test host finds a minimal-hosting app's host), so the load goes through the app's own services.
/// </summary>
public sealed class InProcessWebApp : IAsyncDisposable
{
    private const string HostingDiagnostics = "Microsoft.Extensions.Hosting";

    private readonly IHost _host;
    private readonly Task<int> _run;

    private InProcessWebApp(IHost host, Task<int> run, Uri address)
    {
        _host = host;
        _run = run;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessWebApp> StartAsync(SweepDatabase database)
    {
        var web = Path.Combine(RepoFolder.Root, "src", "MissionFlow.Web");
        string[] args =
        [
            "--applicationName=MissionFlow.Web", // Razor Pages are found in the app's assembly, not in the bench's
            $"--contentRoot={web}",
            "--environment=Development", // as the tests' host: plain HTTP on loopback, no HTTPS redirect
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            $"--MissionFlow:DataDirectory={database.Folder}",
            $"--MissionFlow:WorkflowsDirectory={RepoFolder.Workflows}",
            "--MissionFlow:Demo=true",
            "--MissionFlow:Reminders:Jobs:Server=false",
            "--MissionFlow:Security:SignIn:PermitLimit=100000",
            $"--MissionFlow:Database:Provider={database.Provider}",
            .. database.IsSqlite ? Array.Empty<string>() : [$"--MissionFlow:Database:ConnectionString={database.ConnectionString}"],
        ];
        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> run;
        using (DiagnosticListener.AllListeners.Subscribe(new HostBuilt(built)))
        {
            var entry = typeof(WorkflowFolder).Assembly.EntryPoint ?? throw new InvalidOperationException("MissionFlow.Web has no entry point.");
            // The compiler's synchronous Main around the async one: it holds a thread until the app stops.
            run = Task.Factory.StartNew(() => (int)entry.Invoke(null, [args])!, TaskCreationOptions.LongRunning);
            if (await Task.WhenAny(built.Task, run) != built.Task)
                throw new InvalidOperationException($"MissionFlow.Web stopped before its host was built (exit {await run}).");
        }
        var host = await built.Task;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            if (await Task.WhenAny(started.Task, run) != started.Task)
                throw new InvalidOperationException($"MissionFlow.Web stopped during its start (exit {await run}).");
        }
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessWebApp(host, run, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await _run;
    }

    private sealed class HostBuilt(TaskCompletionSource<IHost> built) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == HostingDiagnostics)
                listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e is { Key: "HostBuilt", Value: IHost host })
                built.TrySetResult(host);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
