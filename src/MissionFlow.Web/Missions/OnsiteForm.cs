using System.Globalization;
using MissionFlow.Core.Missions;

namespace MissionFlow.Web.Missions;

/// <summary>What the on-site session form posts: attendees one a line, figures in rows (blank rows dropped).</summary>
public sealed class OnsiteForm
{
    public DateOnly? Date { get; set; }
    public string? Place { get; set; }
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }
    public List<FigureRow> Figures { get; set; } = [];

    /// <summary>Null, with the offending figure named, when a value is not a number.</summary>
    public OnsiteSessionRequest? ToRequest(out string? invalid)
    {
        invalid = null;
        var figures = new List<FigureRequest>();
        foreach (var row in Figures.Where(f => !string.IsNullOrWhiteSpace(f.Name)))
        {
            // Number inputs always post "1234.5", whatever the page's language.
            if (!decimal.TryParse(row.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                invalid = row.Name;
                return null;
            }
            figures.Add(new FigureRequest(row.Name, value, row.Unit, row.PartOf, row.Qualifier));
        }
        return new OnsiteSessionRequest(Date, Place, Lines(Attendees), figures, Minutes);
    }

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
