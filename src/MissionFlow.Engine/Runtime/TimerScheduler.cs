using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// Derives the timers an instance should have from its state and data, and compares them with those stored.
/// A timer whose anchor date moved (an extension) is cancelled and set again at its new time.
/// </summary>
public sealed class TimerScheduler(CouncilClock clock)
{
    public CouncilClock Clock { get; } = clock;

    public IReadOnlyList<ScheduledTimer> Desired(WorkflowDefinition definition, string state, IReadOnlyDictionary<string, string> data) =>
        definition.TimerList
            .Where(t => t.ActiveIn.Contains(state))
            .Select(t => (Timer: t, Anchor: AnchorDate(t, data)))
            .Where(x => x.Anchor is not null)
            .Select(x => new ScheduledTimer(x.Timer.Id, Clock.InstantOf(Clock.Calendar.Add(x.Anchor!.Value, x.Timer.ParsedOffset)), x.Timer.Kind, x.Timer.Level))
            .ToList();

    /// <summary>
    /// Whether two states and data call for the same timers, from the definition alone: each timer active in both
    /// or in neither, its anchor unchanged where active. No date is parsed and no working day counted, so a host
    /// can ask it of every transition.
    /// </summary>
    public static bool SameTimers(WorkflowDefinition definition, string fromState, IReadOnlyDictionary<string, string> fromData,
        string toState, IReadOnlyDictionary<string, string> toData) =>
        definition.TimerList.All(t =>
        {
            var active = t.ActiveIn.Contains(toState);
            return active == t.ActiveIn.Contains(fromState)
                && (!active || fromData.GetValueOrDefault(t.Anchor) == toData.GetValueOrDefault(t.Anchor));
        });

    public static DateOnly? AnchorDate(TimerDefinition timer, IReadOnlyDictionary<string, string> data) =>
        InputValidator.TryParseDate(data.GetValueOrDefault(timer.Anchor), out var anchor) ? anchor : null;

    /// <summary>
    /// The changes that bring the stored timers in line. With <paramref name="now"/> given, timers that would be
    /// set already past collapse into the latest of them: the person hears one notice at once (the next sweep),
    /// never a burst of stale reminders for a deadline set or moved late.
    /// </summary>
    public TimerChanges Reconcile(
        WorkflowDefinition definition,
        string state,
        IReadOnlyDictionary<string, string> data,
        IReadOnlyList<PendingTimer> pending,
        IReadOnlyList<PendingTimer>? done = null,
        DateTimeOffset? now = null)
    {
        var desired = Desired(definition, state, data);
        var fresh = desired
            .Where(d => !Holds(pending, d) && !Holds(done ?? [], d))
            .ToList();
        var cancel = pending
            .Where(p => !desired.Any(d => d.TimerId == p.TimerId && d.DueAt == p.DueAt))
            .Select(p => p.TimerId)
            .ToList();
        var stale = now is { } at ? fresh.Where(t => t.DueAt <= at).ToList() : [];
        var skip = stale.Count > 1 ? stale.Except([stale.OrderBy(t => t.DueAt).Last()]).ToList() : [];
        var set = fresh.Except(skip).ToList();
        return set.Count == 0 && cancel.Count == 0 && skip.Count == 0 ? TimerChanges.None : new TimerChanges(set, cancel, skip);
    }

    private static bool Holds(IReadOnlyList<PendingTimer> timers, ScheduledTimer timer) =>
        timers.Any(p => p.TimerId == timer.TimerId && p.DueAt == timer.DueAt);
}
