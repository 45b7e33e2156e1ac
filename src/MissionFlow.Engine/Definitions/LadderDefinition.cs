namespace MissionFlow.Engine.Definitions;

/// <summary>
/// The escalation ladder of a follow-up: official letters the Council Office issues one after the other while the
/// item stays open past its deadline. The first rung falls due <see cref="RungDefinition.Offset"/> after the deadline
/// while the item is in one of <see cref="ActiveIn"/>; each later rung that long after the previous one was recorded
/// or skipped, never from the original deadline. <see cref="DueTemplate"/> reminds the Office of a rung fallen due,
/// <see cref="OverdueTemplate"/> once more when it is still open <see cref="OverdueAfter"/> after its due date.
/// </summary>
public sealed record LadderDefinition(
    IReadOnlyList<string> ActiveIn,
    string DueTemplate,
    string OverdueTemplate,
    string OverdueAfter,
    IReadOnlyList<RungDefinition> Rungs)
{
    /// <summary>The engine timer that opens the first rung, kept with the others so a moved deadline moves it.</summary>
    public const string StartTimerId = "ladder-start";

    public const string TriggerPrefix = "ladder:";

    public DayOffset ParsedOverdueAfter => DayOffset.Parse(OverdueAfter);

    public RungDefinition? FindRung(string id) => Rungs.FirstOrDefault(r => r.Id == id);

    /// <summary>The rung's place on the ladder, 1 for the first; 0 for an id it does not hold.</summary>
    public int LevelOf(string id) => Rungs.ToList().FindIndex(r => r.Id == id) + 1;

    /// <summary>The journal trigger of a rung's step: <c>ladder:{rung}:{step}</c>.</summary>
    public static string Trigger(string rung, LadderStep step) => $"{TriggerPrefix}{rung}:{step.ToString().ToLowerInvariant()}";

    internal TimerDefinition StartTimer => new(StartTimerId, TimerKind.Ladder, "deadline", Rungs[0].Offset, ActiveIn, Rungs[0].Remind, DueTemplate, 1, Rungs[0].Id);
}

/// <summary>
/// One rung: who is reminded when it falls due (<see cref="Remind"/>), who receives the letter once the Office
/// has recorded it (<see cref="LetterTo"/>, none for a session held rather than a letter sent) and with which
/// template. <see cref="ComplexOffset"/> replaces <see cref="Offset"/> when the previous rung was recorded as a
/// complex case (the explanation's 30 days instead of 15).
/// </summary>
public sealed record RungDefinition(
    string Id,
    LocalizedText Name,
    string Offset,
    IReadOnlyList<string> Remind,
    string? LetterTo = null,
    string? Template = null,
    string? ComplexOffset = null,
    bool MayBeComplex = false)
{
    public DayOffset ParsedOffset => DayOffset.Parse(Offset);
    public DayOffset? ParsedComplexOffset => ComplexOffset is null ? null : DayOffset.Parse(ComplexOffset);
}

/// <summary>The steps the journal records of a rung.</summary>
public enum LadderStep { Opened, Recorded, Skipped, Stopped }
