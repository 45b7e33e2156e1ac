using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Runtime;

public sealed class TimerRuntimeTests
{
    private static readonly WorkflowDefinition FollowUp = ShippedWorkflows.FollowUpWithEscalationTimers;
    private static readonly TimerScheduler Scheduler = new(CouncilClock.Default());
    private readonly TimerRuntime _runtime = new(Scheduler);

    private static InstanceSnapshot Issued(string deadline, string state = "issued") =>
        new(state, new Dictionary<string, string> { ["agencyId"] = Actors.Agency, ["deadline"] = deadline }, []);

    [Fact]
    public void An_escalation_rung_raises_the_level_opens_its_office_task_and_notifies_its_recipients()
    {
        var due = new PendingTimer("escalation-2", FollowUpTimers.At("2026-07-14"));

        var fired = Assert.IsType<TimerFired>(_runtime.Fire(FollowUp, Issued("2026-06-30", "in-progress"), due, due.DueAt.AddMinutes(1)));

        Assert.Equal(2, fired.EscalationLevel);
        Assert.Equal("request-explanation", fired.Task);
        Assert.Equal(["agency-head", "committee", "secretary"], fired.Notice.Recipients);
        Assert.Equal(("escalation-explanation", new DateOnly(2026, 6, 30)), (fired.Notice.Template, fired.Notice.AnchorDate));
        Assert.Equal(("system", "timer:escalation-2", "in-progress", "in-progress"), (fired.Journal.Actor, fired.Journal.Trigger, fired.Journal.From, fired.Journal.To));
    }

    [Fact]
    public void A_reminder_raises_nothing_and_opens_no_task()
    {
        var due = new PendingTimer("reminder-7wd", FollowUpTimers.At("2026-06-19"));

        var fired = Assert.IsType<TimerFired>(_runtime.Fire(FollowUp, Issued("2026-06-30"), due, due.DueAt));

        Assert.Equal((null, null), (fired.EscalationLevel, fired.Task));
        Assert.Equal(TimerKind.Reminder, fired.Notice.Kind);
    }

    [Theory]
    [InlineData("submitted", "2026-06-30", "2026-06-19")] // the item left the states the timer lives in
    [InlineData("in-progress", "2026-07-31", "2026-06-19")] // the deadline moved: the row is for the old one
    public void A_row_that_no_longer_matches_the_instance_is_stale_and_says_nothing(string state, string deadline, string due)
    {
        var outcome = _runtime.Fire(FollowUp, Issued(deadline, state), new PendingTimer("reminder-7wd", FollowUpTimers.At(due)), FollowUpTimers.At("2026-06-20"));

        Assert.IsType<TimerStale>(outcome);
    }

    [Fact]
    public void Reminders_already_past_when_the_deadline_is_set_collapse_into_the_latest_one()
    {
        var now = FollowUpTimers.At("2026-06-22"); // Monday; 15 and 7 working days before 30 June are past

        var changes = Scheduler.Reconcile(FollowUp, "issued", Issued("2026-06-30").Data, [], [], now);

        Assert.Equal(["reminder-7wd", "reminder-3wd", "overdue", "escalation-1", "escalation-2", "escalation-3"], changes.Set.Select(t => t.TimerId));
        Assert.Equal(["reminder-15wd"], changes.SkipList.Select(t => t.TimerId));
    }

    [Fact]
    public void A_timer_that_has_had_its_say_is_not_set_again_by_a_later_transition()
    {
        var done = FollowUpTimers.Pending(FollowUpTimers.For30June2026.Take(2));
        var pending = FollowUpTimers.Pending(FollowUpTimers.For30June2026.Skip(2));

        var changes = Scheduler.Reconcile(FollowUp, "acknowledged", Issued("2026-06-30").Data, pending, done, FollowUpTimers.At("2026-06-22"));

        Assert.Same(TimerChanges.None, changes);
    }

    [Fact]
    public void An_item_long_overdue_gets_one_notice_the_top_rung_not_seven()
    {
        var changes = Scheduler.Reconcile(FollowUp, "issued", Issued("2018-12-31").Data, [], [], FollowUpTimers.At("2026-06-22"));

        Assert.Equal(["escalation-3"], changes.Set.Select(t => t.TimerId));
        Assert.Equal(6, changes.SkipList.Count);
    }
}
