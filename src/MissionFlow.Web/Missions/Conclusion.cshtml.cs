using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Access;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Missions;

/// <summary>The conclusion notice and its recommendations, rewritten as often as needed until it is issued.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class ConclusionModel(MissionService missions, UiContext ui, AgencyService agencies, UiText text) : UiPageModel
{
    [BindProperty] public ConclusionForm Form { get; set; } = new();

    public Mission Mission { get; private set; } = null!;
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Form = ConclusionForm.Of(Mission);
    }

    public async Task<IActionResult> OnPostRowsAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Form.Recommendations.Add(new RecommendationRow { AgencyId = Mission.AgencyIds.FirstOrDefault() });
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => missions.WriteConclusionAsync(id, Form.ToRequest(), ui.Actor, ct)))
        {
            Tell(text["Conclusion.Saved"]);
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Mission = await CommandAsync(id, ct);
        Agencies = (await agencies.ListAsync(ct)).Where(a => Mission.AgencyIds.Contains(a.Id)).ToList();
    }

    /// <summary>The form is for the people who act on this mission; a reader of it is refused before seeing the form.</summary>
    private async Task<Mission> CommandAsync(Guid id, CancellationToken ct)
    {
        var mission = await missions.ViewAsync(id, ui.Actor, ct);
        ui.Actor.EnsureMayActOn(mission);
        return mission;
    }
}
