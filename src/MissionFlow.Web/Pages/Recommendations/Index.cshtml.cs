using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Exports;

namespace MissionFlow.Web.Pages.Recommendations;

/// <summary>An agency's inbox (agency people see only theirs), or every agency's for the committee, most urgent first.</summary>
internal sealed class IndexModel(FollowUpRows rows, FollowUpExport export, AgencyService agencies, DefinitionCatalog catalog, UiContext ui, UiText text) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<StateDefinition> States { get; private set; } = [];
    public string? AgencyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        States = catalog.Latest(MissionService.FollowUpWorkflowId).States;
        Agencies = await agencies.ListAsync(ct);
        AgencyName = Agencies.FirstOrDefault(a => a.Id == (ui.ScopedAgency ?? AgencyId))?.Name;
        Rows = await rows.ListAsync(Filter(), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var list = await rows.ListAsync(Filter(), ct);
        var agency = ui.ScopedAgency ?? AgencyId;
        var code = agency is { } id ? (await agencies.GetAsync(id, ct)).Code : text["Export.AllAgencies"];
        var name = $"{code}-{text["Export.FileFollowUp"]}-{ui.Today:yyyy-MM-dd}";
        return format == "csv"
            ? File(export.Csv(list), FollowUpExport.CsvType, $"{name}.csv")
            : File(export.Excel(list), FollowUpExport.ExcelType, $"{name}.xlsx");
    }

    private RecommendationFilter Filter() => new(AgencyId: AgencyId, State: string.IsNullOrEmpty(State) ? null : State,
        Overdue: Overdue ? true : null, ScopeAgency: ui.ScopedAgency);
}
