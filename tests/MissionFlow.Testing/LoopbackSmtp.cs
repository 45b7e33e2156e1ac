using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using MimeKit.Utils;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MissionFlow.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 inside the process (the SmtpServer package), for MailKit to talk to. It counts
/// connections and keeps each message's Message-ID, and the whole message unless told not to (the benchmark
/// keeps its own cost small). It refuses every message with a 4xx while <see cref="RefuseWith"/> is set, and
/// answers 550 to any address at <see cref="UnknownDomain"/>.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public const string UnknownDomain = "nowhere.test";

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly bool _keepMessages;
    private int _sessions;

    /// <param name="noDelay">
    /// Accept connections with TCP_NODELAY set, as a mail relay does. The package's own listener leaves Nagle's
    /// algorithm on, and its replies then wait for the client's delayed ACK: about 40 ms per message on Linux.
    /// </param>
    /// <param name="keepMessages">Parse and keep each whole message in <see cref="Received"/>, not only its Message-ID.</param>
    public LoopbackSmtp(bool noDelay = true, bool keepMessages = true)
    {
        _keepMessages = keepMessages;
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((to, _) => !string.Equals(to.Host, UnknownDomain, StringComparison.OrdinalIgnoreCase)));
        if (noDelay)
            services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Sessions => _sessions;

    public ConcurrentQueue<MimeMessage> Received { get; private set; } = new();

    /// <summary>The Message-ID of every message accepted since the last <see cref="Reset"/>, in arrival order.</summary>
    public ConcurrentQueue<string> MessageIds { get; private set; } = new();

    public IReadOnlyList<MimeMessage> Messages => Received.ToList();

    /// <summary>A transient refusal (e.g. 451) the server gives every message while set.</summary>
    public SmtpReplyCode? RefuseWith { get; set; }

    public void Reset()
    {
        Received = new ConcurrentQueue<MimeMessage>();
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

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RefuseWith is { } code)
                return new SmtpResponse(code, "try again later");
            await using var stream = new MemoryStream(buffer.ToArray());
            if (owner._keepMessages)
            {
                var message = await MimeMessage.LoadAsync(stream, cancellationToken);
                owner.Received.Enqueue(message);
                owner.MessageIds.Enqueue(message.MessageId ?? "");
            }
            else
            {
                var headers = await HeaderList.LoadAsync(stream, cancellationToken);
                owner.MessageIds.Enqueue(headers[HeaderId.MessageId] is { } raw ? MimeUtils.EnumerateReferences(raw).FirstOrDefault() ?? raw.Trim() : "");
            }
            return SmtpResponse.Ok;
        }
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
}
