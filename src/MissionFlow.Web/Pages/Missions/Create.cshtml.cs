using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Missions;

[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class CreateModel(MissionService missions, AgencyService agencies, UiContext ui, UiText text) : UiPageModel
{
    [BindProperty] public MissionForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

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

public sealed class MissionForm
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Topic { get; set; }
    public string? Regime { get; set; } = "law87of2015";
    public string? LegalBasis { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public List<Guid> AgencyIds { get; set; } = [];
    public List<DelegationRow> Delegation { get; set; } = [];
    public DateOnly? ReportDue { get; set; }
    public DateOnly? OnSiteDate { get; set; }
    public DateOnly? ConclusionDue { get; set; }

    public CreateMissionRequest ToRequest() => new(Code, Title, Topic, PeriodFrom, PeriodTo, LegalBasis, AgencyIds,
        Delegation.Where(d => !string.IsNullOrWhiteSpace(d.Email)).Select(d => new DelegationMemberRequest(d.Email, d.Role, d.Name)).ToList(),
        new ScheduleRequest(ReportDue, OnSiteDate, ConclusionDue), Regime);
}

public sealed class DelegationRow
{
    public string? Email { get; set; }
    public string? Role { get; set; } = "delegation-member";
    public string? Name { get; set; }
}
