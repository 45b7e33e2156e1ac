using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Missions;

internal sealed class IndexModel(MissionService missions, AgencyService agencies, DefinitionCatalog catalog, UiContext ui) : UiPageModel
{
    /// <summary>Twenty a page: each mission row carries its counts of recommendations, counted per page in the database.</summary>
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<StateDefinition> States { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public Paged<MissionListItem> Missions { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        States = catalog.Latest(MissionService.WorkflowId).States;
        Agencies = await agencies.ListAsync(ct);
        Missions = await missions.ListAsync(new MissionFilter(Q, State, AgencyId, Math.Max(PageNumber, 1), PageSize), ui.Actor, ct);
    }

    /// <summary>The link to another page of the same list: the filters stay.</summary>
    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["state"] = State, ["agencyId"] = AgencyId?.ToString(), ["p"] = page.ToString(CultureInfo.InvariantCulture) }).ToString();
}
