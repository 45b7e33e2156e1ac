using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// Derives the timers an instance should have from its state and data, and compares them with those pending.
/// A timer whose anchor date moved (an extension) is cancelled and set again at its new time.
/// </summary>
public sealed class TimerScheduler(CouncilClock clock)
{
    public IReadOnlyList<ScheduledTimer> Desired(WorkflowDefinition definition, string state, IReadOnlyDictionary<string, string> data) =>
        definition.TimerList
            .Where(t => t.ActiveIn.Contains(state))
            .Select(t => (Timer: t, HasAnchor: InputValidator.TryParseDate(data.GetValueOrDefault(t.Anchor), out var anchor), Anchor: anchor))
            .Where(x => x.HasAnchor)
            .Select(x => new ScheduledTimer(x.Timer.Id, clock.InstantOf(clock.Calendar.Add(x.Anchor, x.Timer.ParsedOffset)), x.Timer.Kind, x.Timer.Level))
            .ToList();

    public TimerChanges Reconcile(WorkflowDefinition definition, string state, IReadOnlyDictionary<string, string> data, IReadOnlyList<PendingTimer> pending)
    {
        var desired = Desired(definition, state, data);
        var set = desired.Where(d => !pending.Any(p => p.TimerId == d.TimerId && p.DueAt == d.DueAt)).ToList();
        var cancel = pending
            .Where(p => !desired.Any(d => d.TimerId == p.TimerId && d.DueAt == p.DueAt))
            .Select(p => p.TimerId)
            .ToList();
        return set.Count == 0 && cancel.Count == 0 ? TimerChanges.None : new TimerChanges(set, cancel);
    }
}
