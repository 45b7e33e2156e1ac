using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using MimeKit.Utils;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MissionFlow.Bench;

/// <summary>
/// A real SMTP server on 127.0.0.1 in this process (the SmtpServer package, as the tests use it): it accepts
/// everything, counts connections and messages, and keeps each message's Message-ID (read from its headers only,
/// so the server's own cost stays small and the same for both sides). With <c>noDelay</c> its sockets send
/// replies at once, as a mail relay's do.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _sessions;

    /// <param name="noDelay">
    /// Accept connections with TCP_NODELAY set. The package's own listener leaves Nagle's algorithm on, and its
    /// replies then wait for the client's delayed ACK: about 40 ms per message on Linux, whatever the client does.
    /// </param>
    public LoopbackSmtpServer(bool noDelay)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (noDelay)
            services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Sessions => _sessions;

    /// <summary>The Message-ID of every message accepted since the last <see cref="Reset"/>, in arrival order.</summary>
    public ConcurrentQueue<string> MessageIds { get; private set; } = new();

    public void Reset()
    {
        MessageIds = new ConcurrentQueue<string>();
        Interlocked.Exchange(ref _sessions, 0);
    }

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

    private sealed class NoDelayListeners : SmtpServer.Net.EndpointListenerFactory
    {
        public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties.Add(SmtpServer.Net.EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as SmtpServer reads and writes it; no STARTTLS (the endpoint is not secure).</summary>
    private sealed class PlainPipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();
        private System.IO.Pipelines.PipeReader? _input;
        private System.IO.Pipelines.PipeWriter? _output;

        public System.IO.Pipelines.PipeReader Input => _input ??= System.IO.Pipelines.PipeReader.Create(_stream);
        public System.IO.Pipelines.PipeWriter Output => _output ??= System.IO.Pipelines.PipeWriter.Create(_stream);
        public bool IsSecure => false;
        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
            System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The loopback server offers no TLS.");

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }

    private sealed class Store(LoopbackSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            var id = headers[HeaderId.MessageId] is { } raw ? MimeUtils.EnumerateReferences(raw).FirstOrDefault() ?? raw.Trim() : "";
            owner.MessageIds.Enqueue(id);
            return SmtpResponse.Ok;
        }
    }
}
