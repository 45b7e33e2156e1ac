using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace MissionFlow.Testing;

/// <summary>
/// Accepts connections with TCP_NODELAY set, as a mail relay does. The package's own listener leaves Nagle's
/// algorithm on, and its replies then wait for the client's delayed ACK: about 40 ms per message on Linux.
/// </summary>
internal sealed class NoDelayListeners(X509Certificate2? certificate) : EndpointListenerFactory
{
    // Built once, as a relay loads its certificate once: otherwise each handshake would rebuild the chain, a cost no
    // real server pays, and the per-connection baseline would look slower than it is.
    private readonly SslStreamCertificateContext? _context = certificate is null ? null : SslStreamCertificateContext.Create(certificate, null, offline: true);

    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener, _context);
    }

    private sealed class Listener(TcpListener listener, SslStreamCertificateContext? context) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext session, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            session.Properties.Add(EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            session.Properties.Add(EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new Connection(client, context);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as SmtpServer reads and writes it; STARTTLS swaps the stream for TLS over it.</summary>
    private sealed class Connection : ISecurableDuplexPipe
    {
        private readonly TcpClient _client;
        private readonly SslStreamCertificateContext? _context;
        private Stream _stream;

        public Connection(TcpClient client, SslStreamCertificateContext? context)
        {
            _client = client;
            _context = context;
            _stream = client.GetStream();
            Input = PipeReader.Create(_stream);
            Output = PipeWriter.Create(_stream);
        }

        public PipeReader Input { get; private set; }
        public PipeWriter Output { get; private set; }
        public bool IsSecure => _stream is SslStream;
        public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            if (_context is null)
                throw new NotSupportedException("This loopback server was started without STARTTLS.");
            var tls = new SslStream(_stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _context, EnabledSslProtocols = protocols }, cancellationToken);
            _stream = tls;
            Input = PipeReader.Create(tls);
            Output = PipeWriter.Create(tls);
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
