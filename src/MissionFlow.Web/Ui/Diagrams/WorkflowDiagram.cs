using System.Globalization;
using System.Text;
using System.Xml;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Ui.Diagrams;

/// <summary>
/// Draws a definition as SVG: states as boxes in layers, transitions as labelled arrows, the current state
/// highlighted. Plain SVG and no script, so it works inline in a page, as an image and on a phone.
/// </summary>
internal sealed class WorkflowDiagram
{
    private const int BoxHeight = 46, GapX = 36, GapY = 78, Margin = 20, BackLane = 70;

    public string Render(WorkflowDefinition definition, string language, string? currentState, Func<string, string> triggerName, string title)
    {
        var layout = DiagramLayout.Of(definition);
        var names = definition.States.ToDictionary(s => s.Id, s => s.Name.In(language));
        var boxWidth = Math.Max(150, (int)(names.Values.Max(n => n.Length) * 7.6) + 28);
        var widest = layout.Layers.Max(l => l.Count);
        var width = Margin * 2 + widest * boxWidth + (widest - 1) * GapX + BackLane;
        var height = Margin * 2 + layout.Layers.Count * BoxHeight + (layout.Layers.Count - 1) * GapY;
        var place = new Dictionary<string, (double X, double Y)>();
        for (var row = 0; row < layout.Layers.Count; row++)
        {
            var layer = layout.Layers[row];
            var rowWidth = layer.Count * boxWidth + (layer.Count - 1) * GapX;
            var left = Margin + (widest * boxWidth + (widest - 1) * GapX - rowWidth) / 2.0;
            for (var i = 0; i < layer.Count; i++)
                place[layer[i]] = (left + i * (boxWidth + GapX), Margin + row * (BoxHeight + GapY));
        }

        var svg = new StringBuilder();
        using (var xml = XmlWriter.Create(svg, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            xml.WriteAttributeString("viewBox", $"0 0 {width} {height}");
            xml.WriteAttributeString("width", N(width));
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("class", "diagram");
            xml.WriteAttributeString("font-family", "system-ui, sans-serif");
            xml.WriteElementString("title", title);
            WriteDefs(xml);
            var edges = definition.Transitions
                .SelectMany(t => t.From.Select(from => (From: from, t.To, t.Trigger)))
                .GroupBy(e => (e.From, e.To));
            // A trigger fired from many states (cancel) is named once, on its first arrow: the rest would pile up.
            var named = new HashSet<(string Trigger, string To)>();
            var labels = new List<(double X, double Y, double Width)>();
            foreach (var edge in edges)
                WriteEdge(xml, labels, place[edge.Key.From], place[edge.Key.To], boxWidth, edge.Key.From == edge.Key.To,
                    layout.BackEdges.Contains(edge.Key),
                    string.Join(", ", edge.Where(e => named.Add((e.Trigger, e.To))).Select(e => triggerName(e.Trigger)).Distinct()));
            foreach (var state in definition.States)
                WriteState(xml, place[state.Id], boxWidth, names[state.Id], state.Final, state.Id == currentState, state.Id);
            xml.WriteEndElement();
        }
        return svg.ToString();
    }

    private static void WriteDefs(XmlWriter xml)
    {
        xml.WriteStartElement("defs");
        xml.WriteStartElement("marker");
        xml.WriteAttributeString("id", "arrow");
        xml.WriteAttributeString("viewBox", "0 0 10 10");
        xml.WriteAttributeString("refX", "10");
        xml.WriteAttributeString("refY", "5");
        xml.WriteAttributeString("markerWidth", "8");
        xml.WriteAttributeString("markerHeight", "8");
        xml.WriteAttributeString("orient", "auto-start-reverse");
        Element(xml, "path", ("d", "M 0 0 L 10 5 L 0 10 z"), ("fill", "#44515e"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteState(XmlWriter xml, (double X, double Y) at, int width, string name, bool final, bool current, string id)
    {
        xml.WriteStartElement("g");
        xml.WriteAttributeString("class", current ? "state current" : "state");
        xml.WriteAttributeString("data-state", id);
        Element(xml, "rect", ("x", N(at.X)), ("y", N(at.Y)), ("width", N(width)), ("height", N(BoxHeight)), ("rx", final ? "23" : "6"),
            ("fill", current ? "#ffe08a" : final ? "#eef2f5" : "#ffffff"), ("stroke", current ? "#7a4b00" : "#44515e"), ("stroke-width", current ? "4" : "1.5"));
        xml.WriteStartElement("text");
        xml.WriteAttributeString("x", N(at.X + width / 2.0));
        xml.WriteAttributeString("y", N(at.Y + BoxHeight / 2.0 + 5));
        xml.WriteAttributeString("text-anchor", "middle");
        xml.WriteAttributeString("font-size", "14");
        xml.WriteAttributeString("fill", "#1b2631");
        if (current)
            xml.WriteAttributeString("font-weight", "bold");
        xml.WriteString(current ? $"▶ {name}" : name);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteEdge(XmlWriter xml, List<(double X, double Y, double Width)> labels, (double X, double Y) from, (double X, double Y) to, int width, bool self, bool back, string label)
    {
        string path;
        (double X, double Y) labelAt;
        var anchor = "middle";
        if (self)
        {
            var x = from.X + width;
            var y = from.Y + BoxHeight / 2.0;
            path = $"M {N(x)} {N(y - 10)} C {N(x + 45)} {N(y - 30)}, {N(x + 45)} {N(y + 30)}, {N(x)} {N(y + 10)}";
            labelAt = (x + 40, y - 24);
        }
        else if (back)
        {
            // Back edges leave and enter on the right, bowing out into the lane kept free for them.
            var x1 = from.X + width;
            var x2 = to.X + width;
            var y1 = from.Y + BoxHeight / 2.0;
            var y2 = to.Y + BoxHeight / 2.0;
            var bow = Math.Max(x1, x2) + BackLane - 10;
            path = $"M {N(x1)} {N(y1)} C {N(bow)} {N(y1)}, {N(bow)} {N(y2)}, {N(x2)} {N(y2)}";
            labelAt = (bow - 20, (y1 + y2) / 2);
        }
        else if (to.Y - from.Y > BoxHeight + GapY)
        {
            // An arrow that skips layers (cancel from any open state) leaves on the right and curves down onto its
            // target, instead of running straight through the boxes in between.
            var x1 = from.X + width;
            var y1 = from.Y + BoxHeight / 2.0;
            var x2 = to.X + width / 2.0;
            var y2 = to.Y;
            path = $"M {N(x1)} {N(y1)} C {N(Math.Max(x1, x2) + 40)} {N(y1)}, {N(x2)} {N(y2 - GapY)}, {N(x2)} {N(y2)}";
            labelAt = (x1 + 6, y1 - 8);
            anchor = "start";
        }
        else
        {
            var x1 = from.X + width / 2.0;
            var y1 = from.Y + BoxHeight;
            var x2 = to.X + width / 2.0;
            var y2 = to.Y;
            path = $"M {N(x1)} {N(y1)} L {N(x2)} {N(y2)}";
            labelAt = ((x1 + x2) / 2, (y1 + y2) / 2 + 4);
            // Arrows fanning out from one box keep their names apart: each name sits on its own side of its arrow.
            anchor = x2 < x1 - 1 ? "end" : x2 > x1 + 1 ? "start" : "middle";
            labelAt.X += anchor == "end" ? -6 : anchor == "start" ? 6 : 0;
        }
        Element(xml, "path", ("d", path), ("fill", "none"), ("stroke", "#44515e"), ("stroke-width", "1.5"), ("marker-end", "url(#arrow)"),
            ("stroke-dasharray", back ? "5 4" : "none"));
        if (label.Length == 0)
            return;
        labelAt = FreeSpot(labels, labelAt, label.Length * 6.6, anchor);
        xml.WriteStartElement("text");
        xml.WriteAttributeString("x", N(labelAt.X));
        xml.WriteAttributeString("y", N(labelAt.Y));
        xml.WriteAttributeString("text-anchor", anchor);
        xml.WriteAttributeString("font-size", "12");
        xml.WriteAttributeString("fill", "#1b2631");
        xml.WriteAttributeString("stroke", "#ffffff");
        xml.WriteAttributeString("stroke-width", "4");
        xml.WriteAttributeString("paint-order", "stroke");
        xml.WriteString(label);
        xml.WriteEndElement();
    }

    /// <summary>Moves a name down until it no longer covers one already written: a plain, predictable way to keep names legible.</summary>
    private static (double X, double Y) FreeSpot(List<(double X, double Y, double Width)> taken, (double X, double Y) at, double width, string anchor)
    {
        var left = anchor switch { "end" => at.X - width, "middle" => at.X - width / 2, _ => at.X };
        for (var tries = 0; tries < 8 && taken.Any(t => Math.Abs(t.Y - at.Y) < 14 && left < t.X + t.Width && t.X < left + width); tries++)
            at.Y += 14;
        taken.Add((left, at.Y, width));
        return at;
    }

    private static void Element(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (key, value) in attributes)
            xml.WriteAttributeString(key, value);
        xml.WriteEndElement();
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
