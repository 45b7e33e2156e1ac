using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MissionFlow.Engine.Tests.Runtime;

/// <summary>The shipped supervision-mission workflow: facts the host vouches for, waivers, and spawning follow-ups.</summary>
public sealed class MissionWorkflowTests
{
    private static readonly WorkflowDefinition Mission = ShippedWorkflows.Mission;
    private readonly WorkflowRuntime _runtime = new(new TimerScheduler(CouncilClock.Default()));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

    private static readonly Dictionary<string, string> Data = new()
    {
        ["missionCode"] = "GS-2026-01",
        ["title"] = "Giám sát việc cấp giấy chứng nhận quyền sử dụng đất",
    };

    private static HashSet<string> Facts(params string[] facts) => [.. facts];

    private FireOutcome Fire(string state, string trigger, Actor actor, Dictionary<string, string?>? input = null,
        IReadOnlySet<string>? facts = null, IReadOnlyDictionary<string, string>? data = null, IReadOnlyList<PendingTimer>? pending = null) =>
        _runtime.Fire(Mission, new InstanceSnapshot(state, data ?? Data, pending ?? []),
            new FireRequest(trigger, actor, input ?? [], _time.GetUtcNow(), facts));

    [Fact]
    public void Mission_starts_as_a_draft_without_timers()
    {
        var started = _runtime.Start(Mission, Data, Actors.Committee, _time.GetUtcNow());

        Assert.Equal("draft", started.To);
        Assert.Empty(started.Timers.Set);
        Assert.Empty(started.Timers.Cancel);
    }

    [Fact]
    public void Issue_conclusion_without_the_conclusion_written_is_refused()
    {
        var refused = Assert.IsType<Refused>(Fire("conclusion-drafting", "issue-conclusion", Actors.Committee));

        Assert.Equal(RefusalKind.RequirementUnmet, refused.Kind);
        Assert.Contains("conclusion-written", refused.Reason);
        Assert.Null(refused.Field);
    }

    [Fact]
    public void Issue_conclusion_with_other_facts_only_is_refused()
    {
        var refused = Assert.IsType<Refused>(Fire("conclusion-drafting", "issue-conclusion", Actors.Committee,
            facts: Facts("onsite-session-recorded", "all-recommendations-closed")));

        Assert.Equal(RefusalKind.RequirementUnmet, refused.Kind);
    }

    [Theory]
    [InlineData("committee")]
    [InlineData("delegation-head")]
    public void Issue_conclusion_with_the_conclusion_written_spawns_the_follow_ups(string actorName)
    {
        var moved = Assert.IsType<Transitioned>(Fire("conclusion-drafting", "issue-conclusion", Actors.ByName(actorName),
            facts: Facts("conclusion-written")));

        Assert.Equal("conclusion-drafting", moved.From);
        Assert.Equal("follow-up", moved.To);
        Assert.NotNull(moved.Spawn);
        Assert.Equal("recommendation-followup", moved.Spawn.Workflow);
        Assert.Equal("recommendation", moved.Spawn.Per);
        Assert.Equal("issue-conclusion", moved.Journal.Trigger);
    }

    [Fact]
    public void Secretary_may_not_issue_the_conclusion_even_when_it_is_written()
    {
        var refused = Assert.IsType<Refused>(Fire("conclusion-drafting", "issue-conclusion", Actors.Secretary,
            facts: Facts("conclusion-written")));

        Assert.Equal(RefusalKind.Forbidden, refused.Kind);
    }

    [Fact]
    public void Only_issue_conclusion_spawns()
    {
        var moved = Assert.IsType<Transitioned>(Fire("draft", "approve-plan", Actors.Committee));

        Assert.Equal("plan-approved", moved.To);
        Assert.Null(moved.Spawn);
    }

    [Fact]
    public void Hold_onsite_needs_the_session_recorded()
    {
        var refused = Assert.IsType<Refused>(Fire("report-requested", "hold-onsite", Actors.Secretary));
        Assert.Equal(RefusalKind.RequirementUnmet, refused.Kind);

        var moved = Assert.IsType<Transitioned>(Fire("report-requested", "hold-onsite", Actors.Secretary, facts: Facts("onsite-session-recorded")));
        Assert.Equal("onsite-held", moved.To);
    }

    [Fact]
    public void Close_with_all_recommendations_closed_needs_no_reason()
    {
        var moved = Assert.IsType<Transitioned>(Fire("follow-up", "close", Actors.Committee, facts: Facts("all-recommendations-closed")));

        Assert.Equal("closed", moved.To);
        Assert.True(Mission.IsFinal(moved.To));
        Assert.Null(moved.Journal.Comment);
    }

    [Fact]
    public void Close_early_with_a_reason_waives_the_requirement()
    {
        var moved = Assert.IsType<Transitioned>(Fire("follow-up", "close", Actors.Committee,
            new() { ["reason"] = "Các kiến nghị còn lại chuyển sang kỳ giám sát sau" }));

        Assert.Equal("closed", moved.To);
        Assert.Equal("Các kiến nghị còn lại chuyển sang kỳ giám sát sau", moved.Journal.Comment);
        Assert.Equal("Các kiến nghị còn lại chuyển sang kỳ giám sát sau", moved.Journal.Input["reason"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Close_without_the_fact_or_a_reason_is_refused(string? reason)
    {
        var refused = Assert.IsType<Refused>(Fire("follow-up", "close", Actors.Committee, new() { ["reason"] = reason }));

        Assert.Equal(RefusalKind.RequirementUnmet, refused.Kind);
        Assert.Equal("reason", refused.Field);
        Assert.Contains("all-recommendations-closed", refused.Reason);
    }

    [Fact]
    public void Close_is_for_the_committee_only()
    {
        var refused = Assert.IsType<Refused>(Fire("follow-up", "close", Actors.DelegationHead, facts: Facts("all-recommendations-closed")));

        Assert.Equal(RefusalKind.Forbidden, refused.Kind);
    }

    [Fact]
    public void Cancel_needs_a_reason_from_every_open_state()
    {
        foreach (var state in new[] { "draft", "plan-approved", "report-requested", "onsite-held", "conclusion-drafting" })
        {
            var refused = Assert.IsType<Refused>(Fire(state, "cancel", Actors.Committee));
            Assert.Equal(RefusalKind.InvalidInput, refused.Kind);
            Assert.Equal("reason", refused.Field);

            var moved = Assert.IsType<Transitioned>(Fire(state, "cancel", Actors.Committee, new() { ["reason"] = "Trùng nội dung" }));
            Assert.Equal("cancelled", moved.To);
        }
        Assert.Equal(RefusalKind.WrongState, Assert.IsType<Refused>(Fire("follow-up", "cancel", Actors.Committee, new() { ["reason"] = "x" })).Kind);
    }

    [Fact]
    public void Requesting_the_report_sets_its_reminder_and_holding_onsite_swaps_it_for_the_conclusion_reminder()
    {
        var data = new Dictionary<string, string>(Data) { ["reportDue"] = "2026-03-20", ["conclusionDue"] = "2026-04-30" };

        var requested = Assert.IsType<Transitioned>(Fire("plan-approved", "request-report", Actors.Secretary, data: data));

        Assert.Empty(requested.Timers.Cancel);
        var reminder = Assert.Single(requested.Timers.Set);
        Assert.Equal(new ScheduledTimer("report-due-reminder", new DateTimeOffset(2026, 3, 17, 1, 0, 0, TimeSpan.Zero), TimerKind.Reminder, null), reminder);

        var held = Assert.IsType<Transitioned>(Fire("report-requested", "hold-onsite", Actors.Secretary,
            facts: Facts("onsite-session-recorded"), data: data, pending: [new PendingTimer(reminder.TimerId, reminder.DueAt)]));

        Assert.Equal(["report-due-reminder"], held.Timers.Cancel);
        var next = Assert.Single(held.Timers.Set);
        Assert.Equal("conclusion-due-reminder", next.TimerId);
        Assert.Equal(new DateTimeOffset(2026, 4, 27, 1, 0, 0, TimeSpan.Zero), next.DueAt); // Thursday 30 April less 3 working days
    }

    [Fact]
    public void Given_the_facts_a_trigger_that_needs_a_missing_one_is_not_offered()
    {
        string[] Offered(string state, params string[] facts) =>
            [.. _runtime.Available(Mission, new InstanceSnapshot(state, Data, []), Actors.Committee, Facts(facts)).Select(t => t.Trigger)];

        Assert.DoesNotContain("hold-onsite", Offered("report-requested"));
        Assert.Contains("hold-onsite", Offered("report-requested", "onsite-session-recorded"));
        // Closing early with a reason stays on offer: the reason stands in for the missing fact.
        Assert.Contains("close", Offered("follow-up"));
    }
}
