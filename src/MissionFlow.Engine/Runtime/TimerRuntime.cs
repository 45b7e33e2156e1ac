using System.Globalization;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>
/// Decides what a due timer does. Pure, like <see cref="WorkflowRuntime"/>: the host writes the effects, and
/// marks the timer fired, in one transaction.
/// </summary>
public sealed class TimerRuntime(TimerScheduler scheduler)
{
    public const string TriggerPrefix = "timer:";

    public TimerOutcome Fire(WorkflowDefinition definition, InstanceSnapshot instance, PendingTimer due, DateTimeOffset now)
    {
        var timer = definition.TimerList.FirstOrDefault(t => t.Id == due.TimerId);
        if (timer is null)
            return new TimerStale($"Workflow '{definition.Id}' v{definition.Version} has no timer '{due.TimerId}'.");
        // A row the reconcile should have cancelled (the state moved on, or the deadline did) must not speak.
        var current = scheduler.Desired(definition, instance.State, instance.Data).FirstOrDefault(t => t.TimerId == timer.Id);
        if (current is null)
            return new TimerStale($"'{timer.Id}' is not live in state '{instance.State}'.");
        if (current.DueAt != due.DueAt)
            return new TimerStale($"'{timer.Id}' is now due at {current.DueAt:O}, not {due.DueAt:O}.");

        var input = new Dictionary<string, string> { ["dueAt"] = due.DueAt.ToString("O", CultureInfo.InvariantCulture) };
        if (timer.Level is { } level)
            input["level"] = level.ToString(CultureInfo.InvariantCulture);
        if (timer.Task is { } task)
            input["task"] = task;
        var journal = new JournalRecord(now, Actor.System.Id, TriggerPrefix + timer.Id, instance.State, instance.State, null, input);
        var notice = new TimerNotice(timer.Kind, timer.Template, timer.Recipients, timer.Anchor, TimerScheduler.AnchorDate(timer, instance.Data));
        return new TimerFired(timer.Id, due.DueAt, journal, timer.Level, timer.Task, notice);
    }
}

public abstract record TimerOutcome;

/// <summary>
/// A timer that has its say: the escalation level it raises the item to, the journal line, the Council Office
/// task it opens (a letter a person must issue), and the notice to send.
/// </summary>
public sealed record TimerFired(string TimerId, DateTimeOffset DueAt, JournalRecord Journal, int? EscalationLevel, string? Task, TimerNotice Notice) : TimerOutcome;

/// <summary>A stored timer that no longer matches the instance: the host cancels it and sends nothing.</summary>
public sealed record TimerStale(string Reason) : TimerOutcome;

/// <summary>Who hears of a fired timer (recipient roles of the vocabulary) and with which template.</summary>
public sealed record TimerNotice(TimerKind Kind, string Template, IReadOnlyList<string> Recipients, string Anchor, DateOnly? AnchorDate);
