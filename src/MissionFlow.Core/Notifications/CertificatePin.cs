using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// Trust in one relay certificate by its SHA-256 (<see cref="SmtpOptions.TrustedCertificateSha256"/>). Councils'
/// internal relays often present a self-signed certificate no store trusts; pinning that exact certificate keeps
/// TLS meaningful, where turning validation off would accept any certificate, including an interceptor's.
/// </summary>
public sealed class CertificatePin
{
    public const string Setting = $"{SmtpOptions.Section}:TrustedCertificateSha256";

    private readonly byte[] _sha256;

    private CertificatePin(byte[] sha256) => _sha256 = sha256;

    /// <summary>The pinned hash as upper-case hex, colons between bytes, as <c>openssl x509 -fingerprint -sha256</c> prints it.</summary>
    public string Display => Colons(_sha256);

    /// <summary>Null when <paramref name="configured"/> is empty (normal validation); colons, spaces and case are ignored.</summary>
    /// <exception cref="SettingException">The value is not 64 hex digits: start-up stops naming the setting.</exception>
    public static CertificatePin? Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return null;
        var hex = configured.Replace(":", "").Replace(" ", "");
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            throw new SettingException(
                $"{Setting} must be the SHA-256 of the relay's certificate, 64 hex digits (colons and spaces allowed), not '{configured}'.");
        return new CertificatePin(Convert.FromHexString(hex));
    }

    public bool Matches(X509Certificate certificate) => certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(_sha256);

    /// <summary>A certificate's SHA-256 written as <see cref="Display"/> writes the pin, so the two compare by eye.</summary>
    public static string Sha256Of(X509Certificate certificate) => Colons(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private static string Colons(byte[] hash) => BitConverter.ToString(hash).Replace('-', ':');
}
