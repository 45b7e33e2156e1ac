using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Auth.SingleSignOn;

/// <summary>Why the provider's user was not let in; each has its sentence on the refusal page.</summary>
public enum SsoRefusal
{
    /// <summary>The provider said no, or its answer could not be checked.</summary>
    ProviderFailed,

    /// <summary>No e-mail, or one the provider does not vouch for (email_verified is not true).</summary>
    NoVerifiedEmail,

    /// <summary>No MissionFlow account has that e-mail: none is created for it.</summary>
    NoAccount,

    /// <summary>The account is disabled, or its agency deactivated.</summary>
    NotAllowed,
}

/// <summary>
/// The provider's user to a MissionFlow account: by the e-mail the provider has verified, never by name, and never
/// by creating one. An account the admin may not let sign in with a password may not sign in this way either.
/// </summary>
internal sealed class SsoAccounts(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<(AppUser? Account, SsoRefusal? Refusal)> MatchAsync(ClaimsPrincipal provided)
    {
        var email = provided.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email) || !bool.TryParse(provided.FindFirstValue("email_verified"), out var verified) || !verified)
            return (null, SsoRefusal.NoVerifiedEmail);
        if (await users.FindByEmailAsync(email) is not { } account)
            return (null, SsoRefusal.NoAccount);
        if (!await signIn.CanSignInAsync(account))
            return (account, SsoRefusal.NotAllowed);
        return (account, null);
    }
}
