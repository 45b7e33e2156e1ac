using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.People;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Account;

/// <summary>The language switch: a cookie for this browser and, for a signed-in person, their saved preference (emails follow it too).</summary>
internal sealed class LanguageModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var chosen = UiLanguages.Normalize(language);
        UiLanguages.Remember(Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != chosen)
        {
            user.Language = chosen;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
