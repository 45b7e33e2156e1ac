using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Ui.Diagrams;

/// <summary>
/// A layered layout of a definition: a depth-first walk from the initial state marks the edges that go back
/// (reopen, grant an extension), the rest form a DAG, and each state sits one layer below its deepest
/// predecessor, so the main path reads top to bottom.
/// </summary>
internal sealed record DiagramLayout(IReadOnlyList<IReadOnlyList<string>> Layers, IReadOnlySet<(string From, string To)> BackEdges)
{
    public static DiagramLayout Of(WorkflowDefinition definition)
    {
        var next = definition.States.ToDictionary(s => s.Id, s => definition.Transitions
            .Where(t => t.From.Contains(s.Id)).Select(t => t.To).Distinct().ToList());
        var back = new HashSet<(string, string)>();
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Walk(string state)
        {
            visiting.Add(state);
            foreach (var to in next[state])
            {
                if (visiting.Contains(to))
                    back.Add((state, to));
                else if (!done.Contains(to))
                    Walk(to);
            }
            visiting.Remove(state);
            done.Add(state);
        }
        Walk(definition.InitialState);
        foreach (var state in definition.States.Where(s => !done.Contains(s.Id)))
            Walk(state.Id);

        var depth = new Dictionary<string, int>();
        int Depth(string state) => depth.TryGetValue(state, out var d) ? d : depth[state] = next
            .Where(e => e.Value.Contains(state) && !back.Contains((e.Key, state)))
            .Select(e => Depth(e.Key) + 1)
            .DefaultIfEmpty(0)
            .Max();
        var layers = definition.States
            .GroupBy(s => Depth(s.Id))
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Select(s => s.Id).ToList())
            .ToList();
        return new DiagramLayout(layers, back);
    }
}
