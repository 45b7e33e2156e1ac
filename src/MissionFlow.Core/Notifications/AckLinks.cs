using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// What a one-click acknowledge link vouches for: this address, speaking for this agency in this role, may
/// acknowledge this recommendation once, until <see cref="ExpiresAt"/>. <see cref="TokenId"/> makes it single use.
/// </summary>
public sealed record AckLink(Guid RecommendationId, string Email, string Role, Guid AgencyId, Guid TokenId, DateTimeOffset ExpiresAt);

/// <summary>Seals and opens acknowledge links; a link that was tampered with or not made here opens as null.</summary>
public interface IAckLinkProtector
{
    string Protect(AckLink link);
    AckLink? Unprotect(string token);
}

/// <summary>
/// ASP.NET Core Data Protection seals the link (keys rotate and are shared by the host's key ring). The expiry
/// travels inside the sealed payload and is checked against the app's TimeProvider, not the machine clock that
/// ITimeLimitedDataProtector would read, so the council's clock and the tests' fake one both govern it.
/// </summary>
public sealed class DataProtectionAckLinkProtector(IDataProtectionProvider provider) : IAckLinkProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("MissionFlow.AckLink.v1");

    public string Protect(AckLink link) => _protector.Protect(JsonSerializer.Serialize(link));

    public AckLink? Unprotect(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<AckLink>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
