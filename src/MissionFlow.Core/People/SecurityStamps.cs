using System.Security.Cryptography;

namespace MissionFlow.Core.People;

/// <summary>
/// Renews the security stamps of accounts changed together with something else, such as every account of an agency
/// being deactivated: saved in that change's own SaveChanges, so the agency and its people's sessions end together.
/// UserManager.UpdateSecurityStampAsync does the same for one account but saves it on its own.
/// </summary>
internal static class SecurityStamps
{
    public static void Renew(AppUser user)
    {
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        // As Identity's store does on every update: a concurrent UserManager save of this account fails instead of
        // writing the old stamp back.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
