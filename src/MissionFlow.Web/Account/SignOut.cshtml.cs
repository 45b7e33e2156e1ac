using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.People;

namespace MissionFlow.Web.Account;

/// <summary>Sign-out is a post (with its antiforgery token): a link someone else planted cannot sign you out.</summary>
internal sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
