using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using MimeKit.Utils;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MissionFlow.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 inside the process (the SmtpServer package), for MailKit to talk to. It counts
/// connections and keeps each message's Message-ID, and the whole message unless told not to (the benchmark
/// keeps its own cost small). It refuses every message with a 4xx while <see cref="RefuseWith"/> is set, and
/// answers 550 to any address at <see cref="UnknownDomain"/>. Plain by default; it can speak STARTTLS with a
/// self-signed certificate and require AUTH, as a council's relay does.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public const string UnknownDomain = "nowhere.test";

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly bool _keepMessages;
    private int _sessions;

    /// <param name="noDelay">Accept connections with TCP_NODELAY set (see <see cref="NoDelayListeners"/>); false leaves the package's own listener.</param>
    /// <param name="keepMessages">Parse and keep each whole message in <see cref="Received"/>, not only its Message-ID.</param>
    /// <param name="startTls">Offer STARTTLS with a certificate made now (<see cref="Certificate"/>).</param>
    /// <param name="login">Refuse mail until the client authenticates (PLAIN or LOGIN) as this user; over TLS only when <paramref name="startTls"/>.</param>
    public LoopbackSmtp(bool noDelay = true, bool keepMessages = true, bool startTls = false, NetworkCredential? login = null)
    {
        _keepMessages = keepMessages;
        Port = FreePort();
        Certificate = startTls ? SelfSignedCertificate.ForLocalhost() : null;
        Login = login;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false);
                if (Certificate is not null)
                    e.Certificate(Certificate).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                if (login is not null)
                    e.AuthenticationRequired().AllowUnsecureAuthentication(Certificate is null);
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((to, _) => !string.Equals(to.Host, UnknownDomain, StringComparison.OrdinalIgnoreCase)));
        if (login is not null)
            services.Add(new DelegatingUserAuthenticator((user, password) => user == login.UserName && password == login.Password));
        if (noDelay)
            services.Add(new NoDelayListeners(Certificate));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Sessions => _sessions;

    /// <summary>The certificate STARTTLS presents; null when the server is plain.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 of <see cref="Certificate"/>, upper-case hex: what a client pins.</summary>
    public string? CertificateSha256 => Certificate?.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The account AUTH accepts; null when none is required.</summary>
    public NetworkCredential? Login { get; }

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
        Certificate?.Dispose();
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
}
