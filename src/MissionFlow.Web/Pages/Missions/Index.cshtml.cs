using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Missions;

internal sealed class IndexModel(MissionFlowDbContext db, AgencyService agencies, DefinitionCatalog catalog, CouncilClock clock, TimeProvider time, UiContext ui) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }

    public IReadOnlyList<StateDefinition> States { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<(Mission Mission, MissionRollup Rollup)> Missions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        States = catalog.Latest(MissionService.WorkflowId).States;
        Agencies = await agencies.ListAsync(ct);
        var missions = await db.Missions.AsNoTracking()
            .Include(m => m.Instance)
            .Include(m => m.Recommendations).ThenInclude(r => r.Instance)
            .AsSplitQuery()
            .OrderByDescending(m => m.CreatedAt)
            .ToListAsync(ct);
        // Agency people see only the missions that supervise their agency, as the API does.
        var agency = ui.ScopedAgency ?? AgencyId;
        var now = time.GetUtcNow();
        Missions = missions
            .Where(m => agency is null || m.AgencyIds.Contains(agency.Value))
            .Where(m => string.IsNullOrEmpty(State) || m.Instance.State == State)
            .Where(m => string.IsNullOrWhiteSpace(Q) || m.Code.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || m.Title.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(m => (m, MissionRollup.Of(m, catalog, clock, now)))
            .ToList();
    }
}
