namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A durable timer: due <see cref="Offset"/> from the date held in data key <see cref="Anchor"/>, live while the
/// instance is in one of <see cref="ActiveIn"/>. An escalation rung carries its <see cref="Level"/> and, when a
/// person must issue an official letter, the <see cref="Task"/> opened for the Council Office.
/// </summary>
public sealed record TimerDefinition(
    string Id,
    TimerKind Kind,
    string Anchor,
    string Offset,
    IReadOnlyList<string> ActiveIn,
    IReadOnlyList<string> Recipients,
    string Template,
    int? Level = null,
    string? Task = null)
{
    public DayOffset ParsedOffset => DayOffset.Parse(Offset);
}

/// <summary>
/// <see cref="Ladder"/> is the timer a definition's ladder implies (never written in a file): it opens the first
/// rung as an Office task.
/// </summary>
public enum TimerKind { Reminder, Overdue, Escalation, Ladder }
