using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MissionFlow.Core.People;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Account;

/// <summary>Signs in with the Identity cookie; each post spends one of the address's tries (see <see cref="SignInRateLimit"/>).</summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
internal sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UiText text) : UiPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The cookie, not the bearer token the API login hands out: that is the scheme the pages authorize with.
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email ?? "", Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // Identity answers "not allowed" for an account the admin disabled or whose agency was deactivated.
            ModelState.AddModelError("", result.IsLockedOut ? text["SignIn.LockedOut"] : result.IsNotAllowed ? text["SignIn.NotAllowed"] : text["SignIn.Failed"]);
            return Page();
        }
        // The person's saved language wins over whatever this browser chose before signing in.
        if (await users.FindByEmailAsync(Email!) is { } user)
            UiLanguages.Remember(Response, user.Language);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
