using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Notifications;

/// <summary>Where one delivery run hands its messages: an SMTP connection, or the .eml pickup folder.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>One SMTP connection for a whole batch; reopened only if the server dropped it mid-batch.</summary>
public sealed class SmtpMailSession : IMailSession
{
    private readonly SmtpClient _client = new();
    private readonly SmtpOptions _options;
    private readonly CertificatePin? _pin;

    /// <summary>What the pin refused during this connect (the certificate's SHA-256), for the error to name it.</summary>
    private string? _refused;

    private SmtpMailSession(SmtpOptions options, TimeSpan? timeout)
    {
        _options = options;
        _client.Timeout = (int)(timeout ?? TimeSpan.FromSeconds(options.TimeoutSeconds)).TotalMilliseconds;
        _pin = CertificatePin.Parse(options.TrustedCertificateSha256);
        if (_pin is not null)
            _client.ServerCertificateValidationCallback = AcceptPinnedOnly;
    }

    /// <param name="timeout">Instead of the relay's <see cref="SmtpOptions.TimeoutSeconds"/>: a health probe waits less than a delivery.</param>
    public static async Task<SmtpMailSession> OpenAsync(SmtpOptions options, CancellationToken ct, TimeSpan? timeout = null)
    {
        var session = new SmtpMailSession(options, timeout);
        try
        {
            await session.ConnectAsync(ct);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!_client.IsConnected)
            await ConnectAsync(ct);
        await _client.SendAsync(message, ct);
    }

    /// <summary>Connects, and authenticates when a user is set; the errors say which of the two failed and why.</summary>
    private async Task ConnectAsync(CancellationToken ct)
    {
        _refused = null;
        try
        {
            await _client.ConnectAsync(_options.Host!, _options.Port, _options.SocketSecurity, ct);
        }
        catch (SslHandshakeException e) when (_refused is { } presented)
        {
            throw new SslHandshakeException(
                $"the relay's TLS certificate ({presented}) is not the one pinned by {CertificatePin.Setting} ({_pin!.Display}); nothing was sent", e);
        }
        if (string.IsNullOrEmpty(_options.User))
            return;
        try
        {
            await _client.AuthenticateAsync(_options.User, _options.Password ?? "", ct);
        }
        catch (AuthenticationException e)
        {
            throw new AuthenticationException($"authentication failed for SMTP user '{_options.User}': {e.Message}", e);
        }
    }

    /// <summary>The pinned certificate passes whatever the chain or name says; any other fails, even one a public CA signed.</summary>
    private bool AcceptPinnedOnly(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not null && _pin!.Matches(certificate))
            return true;
        _refused = certificate is null ? "none presented" : $"SHA-256 {CertificatePin.Sha256Of(certificate)}";
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // Everything was sent or recorded already; a QUIT that fails loses nothing.
            }
        }
        _client.Dispose();
    }
}

/// <summary>
/// The embedded default: each message becomes a .eml file, named by its Message-ID so a resend after a crash
/// rewrites the same file instead of adding one.
/// </summary>
public sealed class PickupMailSession(string folder) : IMailSession
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        OwnerOnly.CreateDirectory(folder);
        var name = string.Concat(message.MessageId!.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var path = Path.Combine(folder, name + ".eml");
        var partial = path + ".part";
        await using (var file = OwnerOnly.CreateFile(partial))
            await message.WriteToAsync(file, ct);
        File.Move(partial, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
