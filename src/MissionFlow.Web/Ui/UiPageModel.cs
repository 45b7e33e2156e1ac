using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Ui;

/// <summary>
/// A page whose forms send requests the domain may refuse. A refused request (bad input, stale state) comes
/// back to the same form, with what the person typed and the domain's reason beside the offending field.
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
        catch (Exception e) when (e is InvalidRequestException or ConflictException)
        {
            var field = ((MissionFlowException)e).Field;
            ModelState.AddModelError(field ?? "", e.Message);
            if (field is not null)
                ModelState.AddModelError("", e.Message);
            return false;
        }
    }
}
