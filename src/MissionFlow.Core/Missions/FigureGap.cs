namespace MissionFlow.Core.Missions;

/// <summary>
/// A breakdown that does not add up: a figure with two or more parts in its unit whose parts sum to something else.
/// A secretary flags it for the delegation to ask about (4,387 dossiers resolved, 4,356 on time, none overdue:
/// 31 unexplained); the figures themselves stay as the agency reported them.
/// </summary>
public sealed record FigureGap(string Whole, decimal WholeValue, string Unit, IReadOnlyList<string> Parts, decimal PartsSum)
{
    public decimal Difference => WholeValue - PartsSum;

    public static IReadOnlyList<FigureGap> In(IReadOnlyList<ReportedFigure> figures) =>
        figures
            .Select(whole => (Whole: whole, Parts: figures.Where(f => f.PartOf == whole.Name && f.Unit == whole.Unit).ToList()))
            .Where(x => x.Parts.Count >= 2 && x.Parts.Sum(p => p.Value) != x.Whole.Value)
            .Select(x => new FigureGap(x.Whole.Name, x.Whole.Value, x.Whole.Unit, x.Parts.Select(p => p.Name).ToList(), x.Parts.Sum(p => p.Value)))
            .ToList();
}
