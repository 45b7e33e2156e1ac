using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Common;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Recommendations;

/// <summary>An agency's inbox (agency people see only theirs), or every agency's for the committee, most urgent first.</summary>
internal sealed class IndexModel(FollowUpRows rows, FollowUpExport export, AgencyService agencies, DefinitionCatalog catalog, UiContext ui, UiText text) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "due")] public int? DueWithinDays { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "size")] public int PageSize { get; set; } = DefaultPageSize;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Paged<FollowUpRow> Rows { get; private set; } = new([], 1, DefaultPageSize, 0);
    public int OverdueCount { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<StateDefinition> States { get; private set; } = [];
    public string? AgencyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        States = catalog.Latest(MissionService.FollowUpWorkflowId).States;
        Agencies = await agencies.ListAsync(ct);
        AgencyName = Agencies.FirstOrDefault(a => a.Id == (ui.ScopedAgency ?? AgencyId))?.Name;
        (Rows, OverdueCount) = await rows.PageAsync(Filter() with { Page = Math.Max(PageNumber, 1), PageSize = Math.Clamp(PageSize, 1, MaxPageSize) }, ct);
    }

    /// <summary>The link to another page of the same list: the filters stay.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["agencyId"] = AgencyId?.ToString(), ["state"] = State, ["overdue"] = Overdue ? "true" : null, ["due"] = DueWithinDays?.ToString(CultureInfo.InvariantCulture), ["p"] = page.ToString(CultureInfo.InvariantCulture),
        ["size"] = Rows.PageSize == DefaultPageSize ? null : Rows.PageSize.ToString(CultureInfo.InvariantCulture),
    }).ToString();

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var agency = ui.ScopedAgency ?? AgencyId;
        var code = agency is { } id ? (await agencies.GetAsync(id, ct)).Code : text["Export.AllAgencies"];
        var name = $"{code}-{text["Export.FileFollowUp"]}-{ui.Today:yyyy-MM-dd}";
        var list = rows.StreamAsync(Filter(), ct);
        return format == "csv" ? await export.CsvAsync(list, $"{name}.csv", ct) : await export.ExcelAsync(list, $"{name}.xlsx", ct);
    }

    private RecommendationFilter Filter() => new(AgencyId: AgencyId, State: string.IsNullOrEmpty(State) ? null : State,
        Overdue: Overdue ? true : null, DueWithinDays: DueWithinDays, ScopeAgency: ui.ScopedAgency);

    /// <summary>The windows the "due within" filter offers; the desk links to its own.</summary>
    public static readonly int[] DueWindows = [7, Core.Desk.DeskQuery.UpcomingDays, 30];
}
