using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace MissionFlow.Web.Jobs;

/// <summary>
/// Hangfire keeps one log provider per process, while each host's LoggerFactory is disposed with its host. With
/// several hosts in one process (the tests) a later host's Hangfire would ask a dead factory for a logger and
/// throw; this provider gives a silent logger instead. With one host it is Hangfire's ASP.NET Core provider.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return new Silent();
        }
    }

    private sealed class Silent : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
