using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Access;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Missions;

/// <summary>The on-site working session: where, who, the minutes, and the figures of the agency's report.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class OnsiteModel(MissionService missions, UiContext ui, UiText text) : UiPageModel
{
    [BindProperty] public OnsiteForm Form { get; set; } = new();

    public Mission Mission { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Mission = await CommandAsync(id, ct);
        Form.Date = Mission.Schedule.OnSiteDate;
        Form.Figures = [.. Enumerable.Range(0, 4).Select(_ => new FigureRow())];
    }

    public async Task<IActionResult> OnPostRowsAsync(Guid id, CancellationToken ct)
    {
        Mission = await CommandAsync(id, ct);
        Form.Figures.Add(new FigureRow());
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Mission = await CommandAsync(id, ct);
        if (Form.ToRequest(out var invalid) is { } request && await TryAsync(() => missions.RecordOnsiteSessionAsync(id, request, ui.Actor, ct)))
        {
            Tell(text["Onsite.Recorded"]);
            return RedirectToPage("Details", new { id });
        }
        if (invalid is not null)
            ModelState.AddModelError("", text["Onsite.BadValue", invalid]);
        return Page();
    }

    /// <summary>The form is for the people who act on this mission; a reader of it is refused before seeing the form.</summary>
    private async Task<Mission> CommandAsync(Guid id, CancellationToken ct)
    {
        var mission = await missions.ViewAsync(id, ui.Actor, ct);
        ui.Actor.EnsureMayActOn(mission);
        return mission;
    }
}
