using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Diagrams;

namespace MissionFlow.Web.Workflows;

/// <summary>
/// Every published definition version with its hash and diagram. Each one passed the schema and semantic
/// checks: the server refuses to start otherwise, so being listed here is its validation result.
/// </summary>
internal sealed class WorkflowsModel(DefinitionCatalog catalog, PublishedVersions published, WorkflowDiagram diagram, UiText text) : PageModel
{
    public IReadOnlyList<(WorkflowDefinition Definition, DateTimeOffset? PublishedAt, int Instances, string Svg)> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stored = await published.ListAsync(ct);
        Versions = catalog.All.OrderBy(d => d.Id).ThenByDescending(d => d.Version)
            .Select(d => (Definition: d, Stored: stored.FirstOrDefault(p => p.WorkflowId == d.Id && p.Version == d.Version)))
            .Select(v => (v.Definition, v.Stored?.PublishedAt, v.Stored?.Instances ?? 0,
                diagram.Render(v.Definition, text.Language, null, text.Trigger, v.Definition.Name.In(text.Language))))
            .ToList();
    }
}
