using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Runtime;

/// <summary>
/// v3's escalation ladder on a weekdays-only calendar, dates worked out by hand. Deadline Tuesday 30 June 2026.
/// </summary>
public sealed class LadderPlanTests
{
    private static readonly LadderDefinition Ladder = ShippedWorkflows.FollowUp.Ladder!;
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekdaysOnly;
    private static readonly DateOnly Deadline = new(2026, 6, 30);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static NextRung? Next(params SettledRung[] settled) => LadderPlan.Next(Ladder, Calendar, Deadline, settled);

    [Fact]
    public void V3_climbs_the_eight_rungs_of_law_121_in_order_and_has_no_escalation_timers_left()
    {
        Assert.Equal(
            ["reminder-letter", "second-reminder-letter", "referral", "explanation-request", "explanation-session", "interpellation", "re-supervision", "council-report"],
            Ladder.Rungs.Select(r => r.Id));
        Assert.Equal(["agency-head", "agency-head", "superior-body", "agency-head", "agency-head", "agency-head", "agency-head", null], Ladder.Rungs.Select(r => r.LetterTo));
        Assert.All(Ladder.Rungs, r => Assert.Equal(["council-office"], r.Remind));
        Assert.DoesNotContain(ShippedWorkflows.FollowUp.TimerList, t => t.Kind == TimerKind.Escalation);
        Assert.Equal(["reminder-15wd", "reminder-7wd", "reminder-3wd", "overdue", LadderDefinition.StartTimerId], ShippedWorkflows.FollowUp.TimerList.Select(t => t.Id));
    }

    [Fact]
    public void The_first_rung_falls_due_three_working_days_after_the_deadline_from_an_engine_timer()
    {
        Assert.Equal((1, D("2026-07-03")), (Next()!.Level, Next()!.DueDate)); // Friday

        var scheduler = new TimerScheduler(CouncilClock.Default(Calendar));
        var start = scheduler.Desired(ShippedWorkflows.FollowUp, "in-progress", new Dictionary<string, string> { ["deadline"] = "2026-06-30" })
            .Single(t => t.TimerId == LadderDefinition.StartTimerId);
        Assert.Equal(FollowUpTimers.At("2026-07-03"), start.DueAt);
        Assert.Empty(scheduler.Desired(ShippedWorkflows.FollowUp, "closed", new Dictionary<string, string> { ["deadline"] = "2026-06-30" }));

        var fired = Assert.IsType<TimerFired>(new TimerRuntime(scheduler).Fire(ShippedWorkflows.FollowUp,
            new InstanceSnapshot("in-progress", new Dictionary<string, string> { ["deadline"] = "2026-06-30" }, []),
            new PendingTimer(start.TimerId, start.DueAt), start.DueAt));
        Assert.Equal((TimerKind.Ladder, "reminder-letter", 1), (fired.Notice.Kind, fired.Task, fired.EscalationLevel));
        Assert.Equal(["council-office"], fired.Notice.Recipients);
    }

    [Fact]
    public void Each_next_rung_is_dated_from_the_recorded_letter_not_from_the_deadline()
    {
        // The Office recorded the reminder letter late, on Monday 13 July: the second one is due ten working days later.
        var second = Next(new SettledRung("reminder-letter", LadderStep.Recorded, D("2026-07-13")))!;
        Assert.Equal(("second-reminder-letter", 2, D("2026-07-27")), (second.Rung.Id, second.Level, second.DueDate));

        var referral = Next(
            new SettledRung("reminder-letter", LadderStep.Recorded, D("2026-07-13")),
            new SettledRung("second-reminder-letter", LadderStep.Recorded, D("2026-07-29")))!;
        Assert.Equal(("referral", D("2026-08-12")), (referral.Rung.Id, referral.DueDate));
    }

    [Fact]
    public void A_skipped_rung_dates_the_next_from_the_day_it_was_skipped()
    {
        var next = Next(new SettledRung("reminder-letter", LadderStep.Skipped, D("2026-07-06")))!;

        Assert.Equal(("second-reminder-letter", D("2026-07-20")), (next.Rung.Id, next.DueDate));
    }

    [Theory]
    [InlineData(false, "2026-09-16")] // 15 calendar days after 1 September, days off included
    [InlineData(true, "2026-10-01")]  // 30 for a complex case
    public void The_explanation_session_falls_due_fifteen_or_thirty_calendar_days_after_the_request(bool complex, string due)
    {
        var next = Next(new SettledRung("explanation-request", LadderStep.Recorded, D("2026-09-01"), complex))!;

        Assert.Equal(("explanation-session", 5, D(due)), (next.Rung.Id, next.Level, next.DueDate));
    }

    [Fact]
    public void A_stopped_ladder_and_a_climbed_one_have_nothing_more_due()
    {
        Assert.Null(Next(new SettledRung("reminder-letter", LadderStep.Recorded, D("2026-07-13")), new SettledRung("second-reminder-letter", LadderStep.Stopped, D("2026-07-20"))));
        Assert.Null(Next(new SettledRung("council-report", LadderStep.Recorded, D("2026-12-01"))));
    }

    [Fact]
    public void A_deadline_moved_later_holds_the_next_rung_back_to_three_working_days_after_it()
    {
        var settled = new SettledRung("reminder-letter", LadderStep.Recorded, D("2026-07-06"));

        var next = LadderPlan.Next(Ladder, Calendar, new DateOnly(2026, 7, 31), [settled])!;

        Assert.Equal(("second-reminder-letter", D("2026-08-05")), (next.Rung.Id, next.DueDate)); // not 20 July
    }
}
