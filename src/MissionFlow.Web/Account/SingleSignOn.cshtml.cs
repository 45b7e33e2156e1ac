using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.People;
using MissionFlow.Web.Auth.SingleSignOn;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Account;

/// <summary>
/// Sends the browser to the provider, and takes it back: the provider's verified e-mail picks the MissionFlow
/// account, which gets the same cookie as a password sign-in; anyone else reads here why not.
/// The start is a link, not a form: the Content-Security-Policy's form-action 'self' stops a post redirected to the provider.
/// </summary>
internal sealed class SingleSignOnModel(SsoOptions sso, SsoAccounts accounts, SignInManager<AppUser> signIn, ILogger<SingleSignOnModel> log) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public SsoRefusal? Refusal { get; private set; }

    /// <summary>A disabled account reads the same sentence as at the password sign-in.</summary>
    public string RefusalKey => Refusal == SsoRefusal.NotAllowed ? "SignIn.NotAllowed" : $"Sso.Refused.{Refusal}";

    public IActionResult OnGet()
    {
        if (!sso.Enabled)
            return NotFound();
        var back = Url.Page(SsoPages.Page, "Callback", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(new AuthenticationProperties { RedirectUri = back }, SsoOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var provided = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The external cookie has done its work whatever follows: it never outlives this request.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!provided.Succeeded)
            return Refuse(null, SsoRefusal.ProviderFailed);
        var (account, refusal) = await accounts.MatchAsync(provided.Principal);
        if (refusal is { } reason)
            return Refuse(account?.Email ?? provided.Principal.FindFirst("email")?.Value, reason);

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(account!, isPersistent: false, authenticationMethod: SsoOptions.Scheme);
        SsoLog.SignedIn(log, account!.Email!);
        UiLanguages.Remember(Response, account.Language);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public IActionResult OnGetFailed() => Refuse(null, SsoRefusal.ProviderFailed);

    private PageResult Refuse(string? email, SsoRefusal reason)
    {
        SsoLog.Refused(log, email, reason);
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
