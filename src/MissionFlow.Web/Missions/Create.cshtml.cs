using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Missions;

[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class CreateModel(MissionService missions, AgencyService agencies, UiContext ui, UiText text) : UiPageModel
{
    [BindProperty] public MissionForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The law a mission planned today runs under.</summary>
    public LegalRegime Regime => LegalRegimes.InForceOn(ui.Today);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.Delegation = [.. Enumerable.Range(0, 3).Select(_ => new DelegationRow())];
        Agencies = await ActiveAgenciesAsync(ct);
    }

    /// <summary>More delegation rows, without script: the form comes back with what was typed and one more row.</summary>
    public async Task<IActionResult> OnPostRowsAsync(CancellationToken ct)
    {
        Form.Delegation.Add(new DelegationRow());
        ModelState.Clear();
        Agencies = await ActiveAgenciesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Mission? created = null;
        if (await TryAsync(async () => created = await missions.CreateAsync(Form.ToRequest(), ui.Actor, ct)))
        {
            Tell(text["Missions.Created", created!.Code]);
            return RedirectToPage("Details", new { id = created.Id });
        }
        Agencies = await ActiveAgenciesAsync(ct);
        return Page();
    }

    private async Task<IReadOnlyList<Agency>> ActiveAgenciesAsync(CancellationToken ct) =>
        (await agencies.ListAsync(ct)).Where(a => a.Active).ToList();
}
