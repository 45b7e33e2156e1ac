using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Calendar;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Forms;

namespace MissionFlow.Web.Recommendations;

/// <summary>
/// One recommendation: what it asks, by when, what has been done, and the actions this person may take now.
/// Another agency's recommendation is "not found", as in the API.
/// </summary>
internal sealed class DetailsModel(
    RecommendationService recommendations,
    DocumentService documents,
    MissionService missions,
    AgencyService agencies,
    WorkflowService workflows,
    OfficeTaskQuery officeTasks,
    CouncilClock clock,
    UiContext ui,
    UiText text) : UiPageModel
{
    public Recommendation Item { get; private set; } = null!;
    public Mission Mission { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public bool Overdue { get; private set; }
    public bool CountedThroughProvisionalYear { get; private set; }
    public IReadOnlyList<TriggerForm> Actions { get; private set; } = [];
    public IReadOnlyList<StoredFile> Evidence { get; private set; } = [];

    /// <summary>The upload form is offered only to whom the service would accept it from, while the item is open.</summary>
    public bool MayAddEvidence { get; private set; }
    public IReadOnlyList<ExtensionView> Extensions { get; private set; } = [];
    public IReadOnlyList<DeadlineChangeView> DeadlineHistory { get; private set; } = [];
    public JournalTable Journal { get; private set; } = null!;
    public IReadOnlyList<ResultEntry> Results { get; private set; } = [];
    public IReadOnlyList<LadderRungView> Ladder { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostFireAsync(Guid id, string trigger, List<IFormFile>? files, CancellationToken ct)
    {
        var uploads = (files ?? []).Where(f => f.Length > 0).Select(f => new FileUpload(f.FileName, f.ContentType, f.OpenReadStream())).ToList();
        try
        {
            if (await TryAsync(() => recommendations.FireAsync(id, trigger, ui.Actor, TriggerForm.Read(Request.Form), uploads, ui.ScopedAgency, ct)))
            {
                Tell(text["Actions.Done", text.Trigger(trigger)]);
                return RedirectToPage(new { id });
            }
        }
        finally
        {
            foreach (var upload in uploads)
                await upload.Content.DisposeAsync();
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", text["Documents.Missing"]);
        else if (await TryAsync(async () =>
                 {
                     await using var content = file.OpenReadStream();
                     await recommendations.AddEvidenceAsync(id, new FileUpload(file.FileName, file.ContentType, content), ui.Actor, ui.ScopedAgency, ct);
                 }))
        {
            Tell(text["Documents.Added", file.FileName]);
            return RedirectToPage(new { id });
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await recommendations.GetAsync(id, ui.ScopedAgency, ct);
        var (file, content) = await documents.OpenAsync(FileOwner.Recommendation, id, fileId, ct);
        return File(content, file.ContentType, file.FileName);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await recommendations.GetAsync(id, ui.ScopedAgency, ct);
        Mission = await missions.HeadingAsync(Item.MissionId, ui.Actor, ct);
        AgencyName = (await agencies.GetAsync(Item.AgencyId, ct)).Name;
        Overdue = recommendations.IsOverdue(Item);
        var instance = Item.Instance!;
        var definition = workflows.DefinitionOf(instance);
        CountedThroughProvisionalYear = ProvisionalCount.Of(Item, Mission.Conclusion?.Date, definition, clock.Calendar);
        // Evidence can go with a progress report or the submission, attached to that journal entry.
        Actions = TriggerForm.For(definition, instance.State, await recommendations.AvailableActionsAsync(id, ui.Actor, ui.ScopedAgency, ct), instance.Data,
            trigger => definition.MeaningOf(trigger) is TriggerMeaning.ReportProgress or TriggerMeaning.Submit);
        Evidence = await documents.ListAsync(FileOwner.Recommendation, id, ct);
        MayAddEvidence = await recommendations.EvidenceRefusalAsync(Item, ui.Actor, ct) is null;
        var journal = await recommendations.JournalAsync(Item, ct);
        Extensions = RecommendationHistory.Extensions(definition, journal);
        DeadlineHistory = RecommendationHistory.DeadlineHistory(Item, definition, journal, Extensions);
        Results = ResultHistory.Of(definition, journal);
        Journal = new JournalTable(journal, instance, Evidence, EvidenceLink);
        Ladder = await officeTasks.LadderAsync(Item, ct);
    }

    public string EvidenceLink(StoredFile file) => $"/Recommendations/Details/{Item.Id}?handler=Evidence&fileId={file.Id}";
}
