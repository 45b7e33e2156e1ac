using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Missions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Missions;

/// <summary>The conclusion notice and its recommendations, rewritten as often as needed until it is issued.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class ConclusionModel(MissionService missions, AgencyService agencies, UiText text) : UiPageModel
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
        if (await TryAsync(() => missions.WriteConclusionAsync(id, Form.ToRequest(), ct)))
        {
            Tell(text["Conclusion.Saved"]);
            return RedirectToPage("Details", new { id });
        }
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        Agencies = (await agencies.ListAsync(ct)).Where(a => Mission.AgencyIds.Contains(a.Id)).ToList();
    }
}

public sealed class ConclusionForm
{
    public DateOnly? Date { get; set; }
    public string? Signer { get; set; }
    public string? Achievements { get; set; }
    public string? Shortcomings { get; set; }
    public List<RecommendationRow> Recommendations { get; set; } = [];

    public static ConclusionForm Of(Mission mission)
    {
        var written = mission.Recommendations.OrderBy(r => r.Number).Select(r => new RecommendationRow
        {
            AgencyId = r.AgencyId,
            Text = r.Text,
            Deadline = r.Deadline,
            DeadlineBasis = r.DeadlineBasis.ToString().ToLowerInvariant(),
            Priority = r.Priority.ToString().ToLowerInvariant(),
        });
        var blank = Enumerable.Range(0, 3).Select(_ => new RecommendationRow { AgencyId = mission.AgencyIds.FirstOrDefault() });
        return new ConclusionForm
        {
            Date = mission.Conclusion?.Date,
            Signer = mission.Conclusion?.Signer,
            Achievements = mission.Conclusion?.Achievements,
            Shortcomings = mission.Conclusion is { } c ? string.Join('\n', c.Shortcomings) : null,
            Recommendations = [.. written, .. blank],
        };
    }

    public ConclusionRequest ToRequest() => new(Date, Signer, Achievements, OnsiteForm.Lines(Shortcomings),
        Recommendations.Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => new RecommendationRequest(r.AgencyId, r.Text, r.Deadline, r.DeadlineBasis, r.Priority)).ToList());
}

public sealed class RecommendationRow
{
    public Guid? AgencyId { get; set; }
    public string? Text { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? DeadlineBasis { get; set; } = "calendar";
    public string? Priority { get; set; } = "normal";
}
