using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MissionFlow.Tests.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 inside the test process (the SmtpServer package), for MailKit to talk to.
/// It keeps what it accepts, counts connections, refuses every message with a 4xx while <see cref="RefuseWith"/>
/// is set, and answers 550 to any address at <see cref="UnknownDomain"/>.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public const string UnknownDomain = "nowhere.test";

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _sessions;

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    public int Sessions => _sessions;

    /// <summary>A transient refusal (e.g. 451) the server gives every message while set.</summary>
    public SmtpReplyCode? RefuseWith { get; set; }

    public LoopbackSmtp()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((to, _) => !string.Equals(to.Host, UnknownDomain, StringComparison.OrdinalIgnoreCase)));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public IReadOnlyList<MimeMessage> Messages => Received.ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RefuseWith is { } code)
                return new SmtpResponse(code, "try again later");
            await using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
