using Microsoft.AspNetCore.Identity;
using MissionFlow.Core.People;

namespace MissionFlow.Web.People;

/// <summary>Who may hold and use an account: the password policy, the sign-in rule and the security stamp's checks.</summary>
internal static class AccountRules
{
    public static IdentityBuilder AddMissionFlowAccountRules(this IdentityBuilder identity)
    {
        // NIST SP 800-63B: length and a list of known passwords, no composition rules (they push people to
        // "Password1!" and add nothing an attacker's list does not already try).
        identity.Services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = 12;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
        });
        // The cookie's stamp is checked on every request, not every 30 minutes (Identity's default): a disabled
        // account, a deactivated agency or a changed role must end the session at once. It costs a lookup of the
        // account (and its agency) by key per page, next to the several queries each page already makes.
        identity.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        return identity
            .AddSignInManager<AccountSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    /// <summary>After authentication, before authorization: a bearer token whose account changed is refused.</summary>
    public static IApplicationBuilder UseBearerStampCheck(this IApplicationBuilder app) => app.UseMiddleware<BearerStampCheck>();
}
