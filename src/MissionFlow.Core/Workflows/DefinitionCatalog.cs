using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Every published definition version, by (id, version). New instances start on the latest version of their mission's legal regime; running
/// ones keep the version they were pinned to. Filled once at start-up by <see cref="DefinitionPublisher"/>.
/// </summary>
public sealed class DefinitionCatalog
{
    private Dictionary<(string, int), WorkflowDefinition> _versions = [];

    public IReadOnlyCollection<WorkflowDefinition> All => _versions.Values;

    public WorkflowDefinition Get(string id, int version) =>
        _versions.GetValueOrDefault((id, version)) ?? throw new InvalidOperationException($"Workflow '{id}' version {version} is not published.");

    public WorkflowDefinition Latest(string id) =>
        _versions.Values.Where(d => d.Id == id).MaxBy(d => d.Version) ?? throw new InvalidOperationException($"Workflow '{id}' is not published.");

    /// <summary>The latest version of <paramref name="id"/> written for <paramref name="regime"/> (a definition's "regime").</summary>
    public WorkflowDefinition Latest(string id, string regime) =>
        _versions.Values.Where(d => d.Id == id && d.Regime == regime).MaxBy(d => d.Version)
        ?? throw new InvalidOperationException($"Workflow '{id}' has no published version for regime '{regime}'.");

    public WorkflowDefinition? Find(string id, int version) => _versions.GetValueOrDefault((id, version));

    /// <summary>The final states of every version of a workflow: what a query in SQL counts as "no longer open".</summary>
    public List<string> FinalStates(string id) =>
        _versions.Values.Where(d => d.Id == id).SelectMany(d => d.States.Where(s => s.Final).Select(s => s.Id)).Distinct().ToList();

    internal void Replace(IEnumerable<WorkflowDefinition> definitions) =>
        _versions = definitions.ToDictionary(d => (d.Id, d.Version));
}
