using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Common;
using MissionFlow.Core.Access;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Diagrams;
using MissionFlow.Web.Recommendations;
using MissionFlow.Web.Ui.Forms;
using MissionFlow.Web.Missions;

namespace MissionFlow.Web.Missions;

internal sealed class DetailsModel(
    MissionService missions,
    RecommendationService recommendations,
    DocumentService documents,
    AgencyService agencies,
    WorkflowService workflows,
    CouncilClock clock,
    TimeProvider time,
    WorkflowDiagram diagram,
    FollowUpRows rows,
    FollowUpExport export,
    UiContext ui,
    UiText text) : UiPageModel
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "size")] public int PageSize { get; set; } = DefaultPageSize;

    public Mission Mission { get; private set; } = null!;

    /// <summary>This page of the mission's recommendations the reader is shown, by number.</summary>
    public Paged<Recommendation> Recommendations { get; private set; } = new([], 1, DefaultPageSize, 0);
    public MissionRollup Rollup { get; private set; } = null!;
    public IReadOnlyList<TriggerForm> Actions { get; private set; } = [];
    public IReadOnlyList<Milestone> Timeline { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> AgencyNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<StoredFile> Documents { get; private set; } = [];
    public JournalTable Journal { get; private set; } = null!;
    public string Diagram { get; private set; } = "";
    public Guid? ResupervisionId { get; private set; }

    /// <summary>Whether this reader acts on the mission (committee, or listed in its delegation): the forms are for them only.</summary>
    public bool MayAct { get; private set; }

    /// <summary>Whether this reader may download the mission's drafts (the Council Office, or whoever acts on it).</summary>
    public bool MayDraft { get; private set; }

    public bool IsOverdue(Recommendation r) => recommendations.IsOverdue(r);

    /// <summary>The link to another page of the mission's recommendations, landing on the list.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
        ["size"] = Recommendations.PageSize == DefaultPageSize ? null : Recommendations.PageSize.ToString(CultureInfo.InvariantCulture),
    }) + "#recommendations";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostFireAsync(Guid id, string trigger, CancellationToken ct)
    {
        if (await TryAsync(() => missions.FireAsync(id, trigger, ui.Actor, TriggerForm.Read(Request.Form), ct)))
        {
            Tell(text["Actions.Done", text.Trigger(trigger)]);
            return RedirectToPage(new { id });
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, string? kind, Guid? agencyId, CancellationToken ct)
    {
        if (file is null)
            ModelState.AddModelError("file", text["Documents.Missing"]);
        else if (await TryAsync(async () =>
                 {
                     await using var content = file.OpenReadStream();
                     await missions.AddDocumentAsync(id, kind, agencyId, new FileUpload(file.FileName, file.ContentType, content), ui.Actor, ct);
                 }))
        {
            Tell(text["Documents.Added", file.FileName]);
            return RedirectToPage(new { id });
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await missions.EnsureVisibleAsync(id, ui.Actor, ct);
        var (file, content) = await documents.OpenMissionDocumentAsync(id, fileId, ui.Actor, ct);
        return File(content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var mission = await missions.OverviewAsync(id, ui.Actor, ct);
        var list = rows.StreamAsync(new RecommendationFilter(MissionId: id, ScopeAgency: ui.ScopedAgency), ct);
        var name = $"{mission.Code}-{text["Export.FileRecommendations"]}";
        return format == "csv" ? await export.CsvAsync(list, $"{name}.csv", ct) : await export.ExcelAsync(list, $"{name}.xlsx", ct);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Mission = await missions.OverviewAsync(id, ui.Actor, ct);
        Recommendations = await missions.RecommendationsAsync(id, ui.Actor, Math.Max(PageNumber, 1), Math.Clamp(PageSize, 1, MaxPageSize), ct);
        MayAct = ui.Actor.MayActOn(Mission);
        MayDraft = ui.Actor.MayDraftFor(Mission);
        var now = time.GetUtcNow();
        Rollup = await missions.RollupAsync(id, ui.Actor, ct);
        var definition = workflows.DefinitionOf(Mission.Instance);
        Actions = TriggerForm.For(definition, Mission.Instance.State, await missions.AvailableActionsAsync(id, ui.Actor, ct), Mission.Instance.Data);
        Timeline = MissionTimeline.Of(Mission, await missions.DeadlinesAsync(id, ui.Actor, ct), text, clock, clock.LocalDate(now));
        AgencyNames = (await agencies.ListAsync(ct)).ToDictionary(a => a.Id, a => a.Name);
        Documents = await documents.MissionDocumentsAsync(id, ui.Actor, ct);
        var journal = await workflows.JournalAsync(Mission.InstanceId, ct);
        Journal = new JournalTable(journal, Mission.Instance, [], _ => "");
        Diagram = diagram.Render(definition, text.Language, Mission.Instance.State, text.Trigger, text["Missions.DiagramTitle", definition.Name.In(text.Language)]);
        ResupervisionId = await missions.ResupervisionOfAsync(id, ct);
    }
}
