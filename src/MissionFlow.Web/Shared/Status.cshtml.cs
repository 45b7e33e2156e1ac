using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MissionFlow.Web.Shared;

/// <summary>
/// The page shown in place of an empty error answer. It is re-executed with the failed request's method, so it
/// answers posts too, and without an antiforgery check: a form refused for a missing token must still get its page.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
