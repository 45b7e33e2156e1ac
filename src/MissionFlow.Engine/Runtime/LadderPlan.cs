using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>A rung the Office has settled: recorded (with the letter's date), skipped or stopped (on that day).</summary>
public sealed record SettledRung(string RungId, LadderStep Step, DateOnly Date, bool Complex = false);

/// <summary>The rung that falls due next, its place on the ladder (1 = first) and the day it falls due.</summary>
public sealed record NextRung(RungDefinition Rung, int Level, DateOnly DueDate);

/// <summary>
/// Where an item stands on its ladder. Pure: the host keeps the rungs settled so far and asks what falls due next.
/// </summary>
public static class LadderPlan
{
    /// <summary>
    /// The next rung after the highest one recorded or skipped, due its offset after that step's date (the
    /// letter's recorded date, or the day it was skipped), never from the original deadline; but never before the
    /// first rung's day for the current deadline either, so a deadline moved later (an extension, a partly-done
    /// result with a new deadline) holds the ladder back too. None once stopped or past the last rung.
    /// </summary>
    public static NextRung? Next(LadderDefinition ladder, WorkingCalendar calendar, DateOnly deadline, IReadOnlyCollection<SettledRung> settled)
    {
        if (ladder.Rungs.Count == 0 || settled.Any(s => s.Step == LadderStep.Stopped))
            return null;
        var first = calendar.Add(deadline, ladder.Rungs[0].ParsedOffset);
        var last = settled
            .Where(s => s.Step is LadderStep.Recorded or LadderStep.Skipped)
            .Select(s => (Step: s, Level: ladder.LevelOf(s.RungId)))
            .Where(s => s.Level > 0)
            .OrderByDescending(s => s.Level)
            .FirstOrDefault();
        if (last.Step is null)
            return new NextRung(ladder.Rungs[0], 1, first);
        if (last.Level == ladder.Rungs.Count)
            return null;
        var rung = ladder.Rungs[last.Level];
        var offset = last.Step is { Step: LadderStep.Recorded, Complex: true } && rung.ParsedComplexOffset is { } complex ? complex : rung.ParsedOffset;
        var due = calendar.Add(last.Step.Date, offset);
        return new NextRung(rung, last.Level + 1, due > first ? due : first);
    }
}
