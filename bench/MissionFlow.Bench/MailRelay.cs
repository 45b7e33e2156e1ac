using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MissionFlow.Core.Notifications;
using MissionFlow.Testing;

namespace MissionFlow.Bench;

/// <summary>
/// One loopback SMTP server of the <c>mail</c> command and how every side reaches it: the app through
/// <see cref="SmtpOptions"/>, MailKit alone through <see cref="ConnectAsync"/> with the same security, the same
/// pinned certificate and the same login, so the sides differ only in how often they connect.
/// </summary>
public sealed class MailRelay : IAsyncDisposable
{
    private static readonly NetworkCredential Login = new("missionflow", "bench-relay-secret");

    private MailRelay(string name, string tag, LoopbackSmtp server)
    {
        Name = name;
        Tag = tag;
        Server = server;
        Smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = server.Certificate is null ? nameof(SecureSocketOptions.None) : nameof(SecureSocketOptions.StartTls),
            User = server.Login?.UserName,
            Password = server.Login?.Password,
            TrustedCertificateSha256 = server.CertificateSha256,
            From = MailWorkload.From,
        };
    }

    /// <summary>A council's relay: STARTTLS with a self-signed certificate (pinned by its SHA-256), then AUTH.</summary>
    public static MailRelay Secure(bool nagle) =>
        new("STARTTLS + AUTH", "tls", new LoopbackSmtp(noDelay: !nagle, keepMessages: false, startTls: true, login: Login));

    /// <summary>No TLS, no AUTH: a connection costs little more than a TCP handshake.</summary>
    public static MailRelay Plain(bool nagle) => new("plain", "plain", new LoopbackSmtp(noDelay: !nagle, keepMessages: false));

    public string Name { get; }

    /// <summary>Marks this relay's outbox rows and recipients' addresses.</summary>
    public string Tag { get; }
    public LoopbackSmtp Server { get; }

    /// <summary>The app's settings for this relay.</summary>
    public SmtpOptions Smtp { get; }

    /// <summary>The TLS version and cipher suite MailKit negotiated, once it has connected; null on a plain relay.</summary>
    public string? Tls { get; private set; }

    public async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient();
        if (CertificatePin.Parse(Smtp.TrustedCertificateSha256) is { } pin)
            client.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && pin.Matches(certificate);
        await client.ConnectAsync(Smtp.Host!, Smtp.Port, Enum.Parse<SecureSocketOptions>(Smtp.Security));
        if (client.IsSecure)
            Tls ??= $"{client.SslProtocol}, {client.SslCipherSuite}";
        if (Smtp.User is not null)
            await client.AuthenticateAsync(Smtp.User, Smtp.Password!);
        return client;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
