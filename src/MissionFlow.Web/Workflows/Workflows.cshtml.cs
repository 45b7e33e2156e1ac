using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Diagrams;

namespace MissionFlow.Web.Workflows;

/// <summary>
/// Every published definition version with its hash and diagram. Each one passed the schema and semantic
/// checks: the server refuses to start otherwise, so being listed here is its validation result.
/// </summary>
internal sealed class WorkflowsModel(DefinitionCatalog catalog, MissionFlowDbContext db, WorkflowDiagram diagram, UiText text) : PageModel
{
    public IReadOnlyList<(WorkflowDefinition Definition, DateTimeOffset? PublishedAt, int Instances, string Svg)> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = await db.Definitions.AsNoTracking().Select(d => new { d.WorkflowId, d.Version, d.PublishedAt }).ToListAsync(ct);
        var counts = await db.Instances.AsNoTracking().GroupBy(i => new { i.WorkflowId, i.WorkflowVersion })
            .Select(g => new { g.Key.WorkflowId, g.Key.WorkflowVersion, Count = g.Count() }).ToListAsync(ct);
        Versions = catalog.All.OrderBy(d => d.Id).ThenByDescending(d => d.Version)
            .Select(d => (d,
                published.FirstOrDefault(p => p.WorkflowId == d.Id && p.Version == d.Version)?.PublishedAt,
                counts.FirstOrDefault(c => c.WorkflowId == d.Id && c.WorkflowVersion == d.Version)?.Count ?? 0,
                diagram.Render(d, text.Language, null, text.Trigger, d.Name.In(text.Language))))
            .ToList();
    }
}
