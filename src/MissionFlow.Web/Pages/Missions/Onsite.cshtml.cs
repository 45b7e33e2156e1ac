using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Missions;
using MissionFlow.Web.Missions;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Pages.Missions;

/// <summary>The on-site working session: where, who, the minutes, and the figures of the agency's report.</summary>
[Authorize(Policy = UiPolicies.CommitteeSide)]
internal sealed class OnsiteModel(MissionService missions, UiText text) : UiPageModel
{
    [BindProperty] public OnsiteForm Form { get; set; } = new();

    public Mission Mission { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        Form.Date = Mission.Schedule.OnSiteDate;
        Form.Figures = [.. Enumerable.Range(0, 4).Select(_ => new FigureRow())];
    }

    public async Task<IActionResult> OnPostRowsAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        Form.Figures.Add(new FigureRow());
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Mission = await MissionAccess.VisibleAsync(id, User, missions, ct);
        if (Form.ToRequest(out var invalid) is { } request && await TryAsync(() => missions.RecordOnsiteSessionAsync(id, request, ct)))
        {
            Tell(text["Onsite.Recorded"]);
            return RedirectToPage("Details", new { id });
        }
        if (invalid is not null)
            ModelState.AddModelError("", text["Onsite.BadValue", invalid]);
        return Page();
    }
}

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
            figures.Add(new FigureRequest(row.Name, value, row.Unit, row.PartOf));
        }
        return new OnsiteSessionRequest(Date, Place, Lines(Attendees), figures, Minutes);
    }

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

public sealed class FigureRow
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? PartOf { get; set; }
}
