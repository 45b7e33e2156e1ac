using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Ui;

/// <summary>
/// A page whose forms send requests the domain may refuse. A refused request (bad input, stale state) comes
/// back to the same form, with what the person typed and the domain's reason (naming the field) above it.
/// </summary>
internal abstract class UiPageModel : PageModel
{
    /// <summary>A notice the layout shows once on the next page, after the redirect that follows a post.</summary>
    protected void Tell(string notice) => TempData["Notice"] = notice;

    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (MissionFlowException e) when (e is InvalidRequestException or ConflictException)
        {
            // The lead-in says what happened; the reason is in the reader's language where the domain gave it a code.
            var text = HttpContext.RequestServices.GetRequiredService<UiText>();
            var message = $"{text[e is ConflictException ? "Errors.Conflict" : "Errors.Invalid"]} {text.Refusal(e)}";
            // The message names the field; the summary above the form is where it is read, so it is added once.
            ModelState.AddModelError("", message);
            return false;
        }
    }
}
