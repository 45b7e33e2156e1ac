using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Desk;

namespace MissionFlow.Web.Desk;

/// <summary>The committee's desk; agency people land on their inbox instead.</summary>
internal sealed class IndexModel(UiContext ui, DeskBuilder desk) : PageModel
{
    public DeskView? Desk { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ui.IsCommitteeSide)
            return Redirect("/Recommendations");
        Desk = await desk.BuildAsync(ct);
        return Page();
    }
}
