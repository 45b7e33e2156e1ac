using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Ui.Diagrams;

namespace MissionFlow.Ui.Tests.Diagrams;

public sealed class DiagramLayoutTests
{
    private static readonly LocalizedText Name = new("x", "x");

    [Fact]
    public void The_main_path_reads_top_to_bottom_and_going_back_is_drawn_as_a_back_edge()
    {
        var definition = new WorkflowDefinition("w", 1, Name, "issued",
            [new("issued", Name), new("working", Name), new("submitted", Name), new("closed", Name, Final: true), new("cancelled", Name, Final: true)],
            [
                new("start-work", ["issued"], "working", ["agency-officer"]),
                new("report", ["working"], "working", ["agency-officer"]),
                new("submit", ["working"], "submitted", ["agency-officer"]),
                new("verify", ["submitted"], "closed", ["committee"]),
                new("reopen", ["submitted", "closed"], "working", ["committee"]),
                new("cancel", ["issued", "working"], "cancelled", ["committee"]),
            ]);

        var layout = DiagramLayout.Of(definition);

        Assert.Equal([["issued"], ["working"], ["submitted", "cancelled"], ["closed"]], layout.Layers.Select(l => l.ToArray()).ToArray());
        Assert.Equal(new HashSet<(string, string)> { ("working", "working"), ("submitted", "working"), ("closed", "working") }, layout.BackEdges.ToHashSet());
    }
}
