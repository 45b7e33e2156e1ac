using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Missions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Missions;

/// <summary>The on-site working session: where, who, the minutes, and the figures of the agency's report.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class OnsiteModel(MissionService missions, UiText text) : UiPageModel
{
    [BindProperty] public OnsiteForm Form { get; set; } = new();

    public Mission Mission { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        Form.Date = Mission.Schedule.OnSiteDate;
        Form.Figures = [.. Enumerable.Range(0, 4).Select(_ => new FigureRow())];
    }

    public async Task<IActionResult> OnPostRowsAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        Form.Figures.Add(new FigureRow());
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        if (Form.ToRequest(out var invalid) is { } request && await TryAsync(() => missions.RecordOnsiteSessionAsync(id, request, ct)))
        {
            Tell(text["Onsite.Recorded"]);
            return RedirectToPage("Details", new { id });
        }
        if (invalid is not null)
            ModelState.AddModelError("", text["Onsite.BadValue", invalid]);
        return Page();
    }
}
