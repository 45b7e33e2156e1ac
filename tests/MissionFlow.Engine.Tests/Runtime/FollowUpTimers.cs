using System.Globalization;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Engine.Tests.Runtime;

/// <summary>
/// The timers recommendation-followup should hold for a deadline, worked out by hand on a weekdays-only
/// calendar: each due at 08:00 Asia/Ho_Chi_Minh, which is 01:00 UTC.
/// </summary>
internal static class FollowUpTimers
{
    public static readonly string[] Ids = ["reminder-15wd", "reminder-7wd", "reminder-3wd", "overdue", "escalation-1", "escalation-2", "escalation-3"];

    /// <summary>Deadline Tuesday 30 June 2026.</summary>
    public static IReadOnlyList<ScheduledTimer> For30June2026 { get; } =
    [
        new("reminder-15wd", At("2026-06-09"), TimerKind.Reminder, null), // three weeks back, Tuesday
        new("reminder-7wd", At("2026-06-19"), TimerKind.Reminder, null),  // Friday
        new("reminder-3wd", At("2026-06-25"), TimerKind.Reminder, null),  // Thursday
        new("overdue", At("2026-07-01"), TimerKind.Overdue, null),        // the next calendar day
        new("escalation-1", At("2026-07-03"), TimerKind.Escalation, 1),
        new("escalation-2", At("2026-07-14"), TimerKind.Escalation, 2),
        new("escalation-3", At("2026-08-11"), TimerKind.Escalation, 3),
    ];

    /// <summary>Deadline Friday 31 July 2026, after an extension.</summary>
    public static IReadOnlyList<ScheduledTimer> For31July2026 { get; } =
    [
        new("reminder-15wd", At("2026-07-10"), TimerKind.Reminder, null),
        new("reminder-7wd", At("2026-07-22"), TimerKind.Reminder, null),
        new("reminder-3wd", At("2026-07-28"), TimerKind.Reminder, null),
        new("overdue", At("2026-08-01"), TimerKind.Overdue, null), // a Saturday: "+1d" counts calendar days
        new("escalation-1", At("2026-08-05"), TimerKind.Escalation, 1),
        new("escalation-2", At("2026-08-14"), TimerKind.Escalation, 2),
        new("escalation-3", At("2026-09-11"), TimerKind.Escalation, 3),
    ];

    public static IReadOnlyList<PendingTimer> Pending(IEnumerable<ScheduledTimer> timers) =>
        timers.Select(t => new PendingTimer(t.TimerId, t.DueAt)).ToList();

    public static DateTimeOffset At(string date) =>
        DateTimeOffset.ParseExact(date + "T01:00:00Z", "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static IEnumerable<ScheduledTimer> Sorted(IEnumerable<ScheduledTimer> timers) => timers.OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal);
}
