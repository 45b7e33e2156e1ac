using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Runtime;

public sealed class TimerSchedulerTests
{
    private static readonly WorkflowDefinition FollowUp = ShippedWorkflows.FollowUpWithEscalationTimers;
    private readonly TimerScheduler _scheduler = new(CouncilClock.Default());

    private static Dictionary<string, string> WithDeadline(string deadline) => new() { ["agencyId"] = Actors.Agency, ["deadline"] = deadline };

    [Theory]
    [InlineData("issued")]
    [InlineData("acknowledged")]
    [InlineData("in-progress")]
    [InlineData("extension-requested")]
    public void Open_states_want_every_deadline_timer(string state)
    {
        var desired = _scheduler.Desired(FollowUp, state, WithDeadline("2026-06-30"));

        Assert.Equal(FollowUpTimers.Sorted(FollowUpTimers.For30June2026), FollowUpTimers.Sorted(desired));
    }

    [Theory]
    [InlineData("submitted")]
    [InlineData("closed")]
    public void Submitted_and_closed_want_no_timer(string state)
    {
        Assert.Empty(_scheduler.Desired(FollowUp, state, WithDeadline("2026-06-30")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30/06/2026")]
    [InlineData("2026-06-31")]
    public void No_timer_without_a_readable_anchor_date(string? deadline)
    {
        var data = new Dictionary<string, string> { ["agencyId"] = Actors.Agency };
        if (deadline is not null)
            data["deadline"] = deadline;

        Assert.Empty(_scheduler.Desired(FollowUp, "issued", data));
    }

    [Fact]
    public void Holidays_of_the_council_calendar_are_skipped()
    {
        var calendar = new WorkingCalendar(
            holidays: [new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 2)],
            extraWorkingDays: [new DateOnly(2025, 4, 26)]);
        var scheduler = new TimerScheduler(CouncilClock.Default(calendar));

        var desired = scheduler.Desired(FollowUp, "issued", WithDeadline("2025-04-29"));

        // Deadline Tuesday 29 April 2025. The last reminder counts the make-up Saturday 26th (Friday 25th, not
        // Thursday 24th); overdue falls on the holiday itself (calendar days); the first rung skips three days off
        // and a weekend.
        Assert.Equal(FollowUpTimers.At("2025-04-25"), desired.Single(t => t.TimerId == "reminder-3wd").DueAt);
        Assert.Equal(FollowUpTimers.At("2025-04-30"), desired.Single(t => t.TimerId == "overdue").DueAt);
        Assert.Equal(FollowUpTimers.At("2025-05-07"), desired.Single(t => t.TimerId == "escalation-1").DueAt);
    }

    [Fact]
    public void Reconcile_with_everything_in_place_changes_nothing()
    {
        var changes = _scheduler.Reconcile(FollowUp, "in-progress", WithDeadline("2026-06-30"), FollowUpTimers.Pending(FollowUpTimers.For30June2026));

        Assert.Same(TimerChanges.None, changes);
    }

    [Fact]
    public void Reconcile_sets_only_the_missing_timer()
    {
        var pending = FollowUpTimers.Pending(FollowUpTimers.For30June2026.Where(t => t.TimerId != "escalation-2"));

        var changes = _scheduler.Reconcile(FollowUp, "in-progress", WithDeadline("2026-06-30"), pending);

        Assert.Empty(changes.Cancel);
        Assert.Equal(FollowUpTimers.For30June2026.Single(t => t.TimerId == "escalation-2"), Assert.Single(changes.Set));
    }

    [Fact]
    public void Reconcile_moves_a_timer_pending_at_the_wrong_time()
    {
        var pending = FollowUpTimers.Pending(FollowUpTimers.For30June2026)
            .Select(p => p.TimerId == "overdue" ? p with { DueAt = p.DueAt.AddDays(-1) } : p).ToList();

        var changes = _scheduler.Reconcile(FollowUp, "in-progress", WithDeadline("2026-06-30"), pending);

        Assert.Equal(["overdue"], changes.Cancel);
        Assert.Equal(new ScheduledTimer("overdue", FollowUpTimers.At("2026-07-01"), TimerKind.Overdue, null), Assert.Single(changes.Set));
    }

    [Fact]
    public void Reconcile_cancels_a_timer_the_definition_no_longer_has()
    {
        var pending = FollowUpTimers.Pending(FollowUpTimers.For30June2026).Append(new PendingTimer("reminder-30wd", FollowUpTimers.At("2026-05-19"))).ToList();

        var changes = _scheduler.Reconcile(FollowUp, "in-progress", WithDeadline("2026-06-30"), pending);

        Assert.Equal(["reminder-30wd"], changes.Cancel);
        Assert.Empty(changes.Set);
    }

    [Fact]
    public void Reconcile_after_the_deadline_moves_replaces_every_deadline_timer()
    {
        var changes = _scheduler.Reconcile(FollowUp, "in-progress", WithDeadline("2026-07-31"), FollowUpTimers.Pending(FollowUpTimers.For30June2026));

        Assert.Equal(FollowUpTimers.Ids.Order(), changes.Cancel.Order());
        Assert.Equal(FollowUpTimers.Sorted(FollowUpTimers.For31July2026), FollowUpTimers.Sorted(changes.Set));
    }

    [Fact]
    public void Timers_follow_their_active_states()
    {
        var definition = Assert.Single(JsonText.Load(("small.json", JsonText.SmallWorkflow)).Definitions);
        var data = new Dictionary<string, string> { ["due"] = "2026-01-12" }; // a Monday

        Assert.Equal([new ScheduledTimer("due-reminder", FollowUpTimers.At("2026-01-07"), TimerKind.Reminder, null)],
            _scheduler.Desired(definition, "open", data));
        Assert.Equal(["due-reminder", "due-escalation"], _scheduler.Desired(definition, "working", data).Select(t => t.TimerId));
        Assert.Equal(new ScheduledTimer("due-escalation", FollowUpTimers.At("2026-01-19"), TimerKind.Escalation, 1),
            _scheduler.Desired(definition, "working", data)[1]);
        Assert.Empty(_scheduler.Desired(definition, "done", data));
    }
}
