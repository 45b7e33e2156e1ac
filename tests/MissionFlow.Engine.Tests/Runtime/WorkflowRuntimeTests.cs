using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MissionFlow.Engine.Tests.Runtime;

/// <summary>The shipped recommendation-followup workflow driven through <see cref="WorkflowRuntime"/>.</summary>
public sealed class WorkflowRuntimeTests
{
    private const string Deadline = "2026-06-30";

    private static readonly WorkflowDefinition FollowUp = ShippedWorkflows.FollowUpWithEscalationTimers;
    private readonly WorkflowRuntime _runtime = new(new TimerScheduler(CouncilClock.Default()));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 4, 2, 30, 0, TimeSpan.Zero));

    private static Dictionary<string, string> IssuedData(string deadline = Deadline) => new()
    {
        ["agencyId"] = Actors.Agency,
        ["deadline"] = deadline,
        ["number"] = "3",
        ["missionCode"] = "GS-2026-01",
        ["text"] = "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất",
    };

    private static InstanceSnapshot Instance(string state, IReadOnlyDictionary<string, string>? data = null, IReadOnlyList<PendingTimer>? pending = null) =>
        new(state, data ?? IssuedData(), pending ?? FollowUpTimers.Pending(FollowUpTimers.For30June2026));

    private FireOutcome Fire(InstanceSnapshot instance, string trigger, Actor actor, Dictionary<string, string?>? input = null) =>
        _runtime.Fire(FollowUp, instance, new FireRequest(trigger, actor, input ?? [], _time.GetUtcNow()));

    private static Refused Refusal(FireOutcome outcome, RefusalKind kind)
    {
        var refused = Assert.IsType<Refused>(outcome);
        Assert.Equal(kind, refused.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        return refused;
    }

    // ---- start ----

    [Fact]
    public void Start_puts_the_instance_in_issued_with_the_data_given()
    {
        var data = IssuedData();
        var now = _time.GetUtcNow();

        var started = _runtime.Start(FollowUp, data, Actors.Committee, now, "Kết luận số 12/KL-HĐND");

        Assert.Equal("", started.From);
        Assert.Equal("issued", started.To);
        Assert.Equal(data, started.Data);
        Assert.Null(started.Spawn);
        Assert.Equal(now, started.Journal.At);
        Assert.Equal("committee-1", started.Journal.Actor);
        Assert.Equal(WorkflowRuntime.StartTrigger, started.Journal.Trigger);
        Assert.Null(started.Journal.From);
        Assert.Equal("issued", started.Journal.To);
        Assert.Equal("Kết luận số 12/KL-HĐND", started.Journal.Comment);
        Assert.Empty(started.Journal.Input);
    }

    [Fact]
    public void Start_sets_reminders_overdue_and_every_escalation_rung_from_the_deadline()
    {
        var started = _runtime.Start(FollowUp, IssuedData(), Actors.Committee, _time.GetUtcNow());

        Assert.Empty(started.Timers.Cancel);
        Assert.Equal(FollowUpTimers.Sorted(FollowUpTimers.For30June2026), FollowUpTimers.Sorted(started.Timers.Set));
    }

    [Fact]
    public void Timers_fire_at_eight_in_the_morning_council_time()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(CouncilClock.DefaultTimeZone);

        var started = _runtime.Start(FollowUp, IssuedData(), Actors.Committee, _time.GetUtcNow());

        Assert.Equal(7, started.Timers.Set.Count);
        Assert.All(started.Timers.Set, t =>
        {
            Assert.Equal(new TimeSpan(1, 0, 0), t.DueAt.UtcDateTime.TimeOfDay);
            Assert.Equal(new TimeSpan(8, 0, 0), TimeZoneInfo.ConvertTime(t.DueAt, zone).TimeOfDay);
        });
    }

    [Fact]
    public void Start_without_a_deadline_sets_no_timer()
    {
        var data = IssuedData();
        data.Remove("deadline");

        var started = _runtime.Start(FollowUp, data, Actors.Committee, _time.GetUtcNow());

        Assert.Equal("issued", started.To);
        Assert.Empty(started.Timers.Set);
        Assert.Empty(started.Timers.Cancel);
    }

    // ---- acknowledge and the guards ----

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    public void Agency_people_of_the_assigned_agency_acknowledge(string actorName)
    {
        var actor = Actors.ByName(actorName);
        _time.Advance(TimeSpan.FromDays(2));

        var moved = Assert.IsType<Transitioned>(Fire(Instance("issued"), "acknowledge", actor));

        Assert.Equal("issued", moved.From);
        Assert.Equal("acknowledged", moved.To);
        Assert.Equal(IssuedData(), moved.Data);
        Assert.Null(moved.Spawn);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 2, 30, 0, TimeSpan.Zero), moved.Journal.At);
        Assert.Equal(actor.Id, moved.Journal.Actor);
        Assert.Equal("acknowledge", moved.Journal.Trigger);
        Assert.Equal("issued", moved.Journal.From);
        Assert.Equal("acknowledged", moved.Journal.To);
        Assert.Null(moved.Journal.Comment);
        // Reminders run on in the new state at the same times: nothing to cancel or set.
        Assert.Empty(moved.Timers.Set);
        Assert.Empty(moved.Timers.Cancel);
    }

    [Theory]
    [InlineData("other-officer")]
    [InlineData("officer-without-agency")]
    [InlineData("committee")]
    [InlineData("secretary")]
    [InlineData("delegation-head")]
    public void Others_may_not_acknowledge(string actorName)
    {
        Refusal(Fire(Instance("issued"), "acknowledge", Actors.ByName(actorName)), RefusalKind.Forbidden);
    }

    [Fact]
    public void Agency_officer_without_the_role_may_not_acknowledge_even_in_the_right_agency()
    {
        var clerk = new Actor("clerk-7", new HashSet<string> { "secretary" }, Actors.Agency);

        Refusal(Fire(Instance("issued"), "acknowledge", clerk), RefusalKind.Forbidden);
    }

    [Fact]
    public void Instance_without_an_agency_is_acknowledged_by_no_agency_officer()
    {
        var data = IssuedData();
        data.Remove("agencyId");

        Refusal(Fire(Instance("issued", data), "acknowledge", Actors.OfficerOfAgency), RefusalKind.Forbidden);
    }

    [Fact]
    public void The_system_may_fire_any_trigger()
    {
        var moved = Assert.IsType<Transitioned>(Fire(Instance("issued"), "acknowledge", Actor.System));

        Assert.Equal("acknowledged", moved.To);
        Assert.Equal("system", moved.Journal.Actor);
    }

    [Theory]
    [InlineData("issued", "submit")]
    [InlineData("issued", "grant-extension")]
    [InlineData("acknowledged", "acknowledge")]
    [InlineData("closed", "acknowledge")]
    [InlineData("closed", "verify")]
    public void Trigger_from_the_wrong_state_is_refused(string state, string trigger)
    {
        var refused = Refusal(Fire(Instance(state), trigger, Actor.System), RefusalKind.WrongState);

        Assert.Contains(state, refused.Reason);
    }

    [Theory]
    [InlineData("approve-plan")]
    [InlineData("Acknowledge")]
    [InlineData("")]
    public void Unknown_trigger_is_refused(string trigger)
    {
        Refusal(Fire(Instance("issued"), trigger, Actor.System), RefusalKind.UnknownTrigger);
    }

    [Fact]
    public void A_trigger_never_yours_is_forbidden_whatever_the_state()
    {
        // The committee can never acknowledge: that is the news, not that the instance has moved on.
        Refusal(Fire(Instance("acknowledged"), "acknowledge", Actors.Committee), RefusalKind.Forbidden);
        Refusal(Fire(Instance("acknowledged"), "acknowledge", Actors.OfficerOfAgency), RefusalKind.WrongState);
    }

    [Fact]
    public void Forbidden_is_told_before_the_inputs_are_checked()
    {
        Refusal(Fire(Instance("acknowledged"), "request-extension", Actors.OfficerOfOtherAgency), RefusalKind.Forbidden);
    }

    // ---- inputs ----

    [Fact]
    public void Request_extension_without_new_deadline_is_invalid_input()
    {
        var refused = Refusal(Fire(Instance("acknowledged"), "request-extension", Actors.OfficerOfAgency,
            new() { ["reason"] = "Chờ kinh phí" }), RefusalKind.InvalidInput);

        Assert.Equal("newDeadline", refused.Field);
    }

    [Theory]
    [InlineData("2026-06-30")] // the same day
    [InlineData("2026-06-29")] // earlier
    [InlineData("2025-12-31")]
    public void New_deadline_must_be_after_the_current_deadline(string newDeadline)
    {
        var refused = Refusal(Fire(Instance("in-progress"), "request-extension", Actors.OfficerOfAgency,
            new() { ["newDeadline"] = newDeadline, ["reason"] = "Chờ kinh phí" }), RefusalKind.InvalidInput);

        Assert.Equal("newDeadline", refused.Field);
        Assert.Contains(Deadline, refused.Reason);
    }

    [Theory]
    [InlineData("31/07/2026")]
    [InlineData("2026-7-31")]
    [InlineData("2026-02-30")]
    [InlineData("tomorrow")]
    public void New_deadline_must_be_a_date_written_yyyy_mm_dd(string newDeadline)
    {
        var refused = Refusal(Fire(Instance("in-progress"), "request-extension", Actors.OfficerOfAgency,
            new() { ["newDeadline"] = newDeadline, ["reason"] = "Chờ kinh phí" }), RefusalKind.InvalidInput);

        Assert.Equal("newDeadline", refused.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Request_extension_needs_a_reason(string? reason)
    {
        var refused = Refusal(Fire(Instance("in-progress"), "request-extension", Actors.OfficerOfAgency,
            new() { ["newDeadline"] = "2026-07-31", ["reason"] = reason }), RefusalKind.InvalidInput);

        Assert.Equal("reason", refused.Field);
    }

    [Fact]
    public void Request_extension_records_the_requested_date_without_moving_the_deadline()
    {
        var moved = Assert.IsType<Transitioned>(Fire(Instance("in-progress"), "request-extension", Actors.HeadOfAgency,
            new() { ["newDeadline"] = "2026-07-31", ["reason"] = "Chờ kinh phí", ["sneaky"] = "not an input" }));

        Assert.Equal("extension-requested", moved.To);
        Assert.Equal("2026-07-31", moved.Data["requestedDeadline"]);
        Assert.Equal(Deadline, moved.Data["deadline"]);
        Assert.False(moved.Data.ContainsKey("sneaky"));
        Assert.Equal(new Dictionary<string, string> { ["newDeadline"] = "2026-07-31", ["reason"] = "Chờ kinh phí" }, moved.Journal.Input);
        Assert.Equal("Chờ kinh phí", moved.Journal.Comment);
        Assert.Empty(moved.Timers.Set);
        Assert.Empty(moved.Timers.Cancel);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("fifty")]
    [InlineData("50.5")]
    public void Progress_percent_must_be_a_whole_number_from_0_to_100(string percent)
    {
        var refused = Refusal(Fire(Instance("acknowledged"), "report-progress", Actors.OfficerOfAgency,
            new() { ["comment"] = "Đã triển khai", ["percent"] = percent }), RefusalKind.InvalidInput);

        Assert.Equal("percent", refused.Field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData(null)]
    public void Progress_percent_in_range_or_absent_is_accepted(string? percent)
    {
        var moved = Assert.IsType<Transitioned>(Fire(Instance("acknowledged"), "report-progress", Actors.OfficerOfAgency,
            new() { ["comment"] = "Đã triển khai", ["percent"] = percent }));

        Assert.Equal("in-progress", moved.To);
        Assert.Equal(percent is null ? new[] { "comment" } : new[] { "comment", "percent" }, moved.Journal.Input.Keys.Order());
    }

    // ---- every text taken is capped ----

    [Fact]
    public void A_comment_longer_than_the_default_cap_is_refused_and_one_at_the_cap_accepted()
    {
        var longer = Refusal(Fire(Instance("acknowledged"), "report-progress", Actors.OfficerOfAgency,
            new() { ["comment"] = new string('x', InputDefinition.DefaultMaxLength + 1) }), RefusalKind.InvalidInput);
        var atCap = Fire(Instance("acknowledged"), "report-progress", Actors.OfficerOfAgency,
            new() { ["comment"] = new string('x', InputDefinition.DefaultMaxLength) });

        Assert.Equal("comment", longer.Field);
        Assert.Equal("too-long", longer.Code);
        Assert.Equal(["comment", "4000"], longer.Args);
        Assert.IsType<Transitioned>(atCap);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("reason")]
    public void A_journal_comment_the_trigger_does_not_declare_is_capped_too(string name)
    {
        // "acknowledge" declares no input, but the journal keeps a comment or reason sent with any trigger.
        var refused = Refusal(Fire(Instance("issued"), "acknowledge", Actors.OfficerOfAgency,
            new() { [name] = new string('x', InputDefinition.DefaultMaxLength + 1) }), RefusalKind.InvalidInput);

        Assert.Equal(name, refused.Field);
        Assert.Equal("too-long", refused.Code);
    }

    [Fact]
    public void A_definition_caps_its_own_text_input()
    {
        var (text, _) = JsonText.Edit(JsonText.SmallWorkflow, "{ \"name\": \"comment\", \"type\": \"text\" }", "{ \"name\": \"comment\", \"type\": \"text\", \"maxLength\": 20 }");
        var definition = Assert.Single(JsonText.Load(("small-workflow.json", text)).Definitions);
        var instance = new InstanceSnapshot("open", new Dictionary<string, string> { ["due"] = "2026-06-30" }, []);
        FireOutcome Postpone(string comment) => _runtime.Fire(definition, instance, new FireRequest("postpone", Actors.OfficerOfAgency,
            new Dictionary<string, string?> { ["newDue"] = "2026-07-31", ["comment"] = comment }, _time.GetUtcNow()));

        var refused = Refusal(Postpone(new string('x', 21)), RefusalKind.InvalidInput);

        Assert.Equal(["comment", "20"], refused.Args);
        Assert.IsType<Transitioned>(Postpone(new string('x', 20)));
    }

    // ---- extensions move the deadline and its timers ----

    [Fact]
    public void Grant_extension_moves_the_deadline_and_resets_the_deadline_timers()
    {
        var data = IssuedData();
        data["requestedDeadline"] = "2026-07-31";

        var moved = Assert.IsType<Transitioned>(Fire(Instance("extension-requested", data), "grant-extension", Actors.Committee));

        Assert.Equal("in-progress", moved.To);
        Assert.Equal("2026-07-31", moved.Data["deadline"]);
        Assert.False(moved.Data.ContainsKey("requestedDeadline"));
        Assert.Equal(Actors.Agency, moved.Data["agencyId"]);
        Assert.Equal(FollowUpTimers.Ids.Order(), moved.Timers.Cancel.Order());
        Assert.Equal(FollowUpTimers.Sorted(FollowUpTimers.For31July2026), FollowUpTimers.Sorted(moved.Timers.Set));
    }

    [Fact]
    public void Granted_extension_then_leaves_the_new_timers_alone()
    {
        var data = IssuedData("2026-07-31");

        var moved = Assert.IsType<Transitioned>(Fire(Instance("in-progress", data, FollowUpTimers.Pending(FollowUpTimers.For31July2026)),
            "report-progress", Actors.OfficerOfAgency, new() { ["comment"] = "Đang làm" }));

        Assert.Empty(moved.Timers.Set);
        Assert.Empty(moved.Timers.Cancel);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("secretary")]
    public void Only_committee_or_delegation_head_grant_an_extension(string actorName)
    {
        var data = IssuedData();
        data["requestedDeadline"] = "2026-07-31";

        Refusal(Fire(Instance("extension-requested", data), "grant-extension", Actors.ByName(actorName)), RefusalKind.Forbidden);
    }

    [Fact]
    public void Refuse_extension_keeps_the_deadline_and_its_timers()
    {
        var data = IssuedData();
        data["requestedDeadline"] = "2026-07-31";

        var moved = Assert.IsType<Transitioned>(Fire(Instance("extension-requested", data), "refuse-extension", Actors.DelegationHead,
            new() { ["reason"] = "Không có căn cứ" }));

        Assert.Equal("in-progress", moved.To);
        Assert.Equal(Deadline, moved.Data["deadline"]);
        Assert.False(moved.Data.ContainsKey("requestedDeadline"));
        Assert.Empty(moved.Timers.Set);
        Assert.Empty(moved.Timers.Cancel);
    }

    // ---- submit, verify, reopen ----

    [Fact]
    public void Submitting_stops_the_reminders_while_the_report_is_verified()
    {
        var moved = Assert.IsType<Transitioned>(Fire(Instance("in-progress"), "submit", Actors.OfficerOfAgency));

        Assert.Equal("submitted", moved.To);
        Assert.Empty(moved.Timers.Set);
        Assert.Equal(FollowUpTimers.Ids.Order(), moved.Timers.Cancel.Order());
    }

    [Fact]
    public void Verify_with_a_result_outside_the_list_is_invalid_input()
    {
        var refused = Refusal(Fire(Instance("submitted", pending: []), "verify", Actors.Secretary,
            new() { ["result"] = "excellent", ["comment"] = "Đã xác minh" }), RefusalKind.InvalidInput);

        Assert.Equal("result", refused.Field);
        Assert.Contains("not-implemented", refused.Reason);
    }

    [Fact]
    public void Verify_needs_a_comment()
    {
        var refused = Refusal(Fire(Instance("submitted", pending: []), "verify", Actors.Secretary,
            new() { ["result"] = "done" }), RefusalKind.InvalidInput);

        Assert.Equal("comment", refused.Field);
    }

    [Fact]
    public void Agency_cannot_verify_its_own_report()
    {
        Refusal(Fire(Instance("submitted", pending: []), "verify", Actors.OfficerOfAgency,
            new() { ["result"] = "done", ["comment"] = "Xong" }), RefusalKind.Forbidden);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("partly-done")]
    [InlineData("not-done")]
    [InlineData("not-implemented")]
    public void A_v2_follow_up_closes_on_every_result_and_records_it_with_no_timer_to_set_again(string result)
    {
        // Submitting cancelled the timers already (none is active in "submitted").
        var moved = Assert.IsType<Transitioned>(_runtime.Fire(ShippedWorkflows.FollowUpVersion(2), Instance("submitted", pending: []),
            new FireRequest("verify", Actors.Committee, new Dictionary<string, string?> { ["result"] = result, ["comment"] = "Đã xác minh tại cơ quan" }, _time.GetUtcNow())));

        Assert.Equal("closed", moved.To);
        Assert.True(FollowUp.IsFinal(moved.To));
        Assert.Equal(result, moved.Data["result"]);
        Assert.Same(TimerChanges.None, moved.Timers);
        Assert.Equal("Đã xác minh tại cơ quan", moved.Journal.Comment);
    }

    [Fact]
    public void Reopening_a_closed_recommendation_clears_the_result_and_sets_the_timers_again()
    {
        var data = IssuedData();
        data["result"] = "not-done";

        var moved = Assert.IsType<Transitioned>(Fire(Instance("closed", data, pending: []), "reopen", Actors.Secretary,
            new() { ["reason"] = "Kết quả chưa đúng thực tế" }));

        Assert.Equal("in-progress", moved.To);
        Assert.False(moved.Data.ContainsKey("result"));
        Assert.Empty(moved.Timers.Cancel);
        Assert.Equal(FollowUpTimers.Sorted(FollowUpTimers.For30June2026), FollowUpTimers.Sorted(moved.Timers.Set));
    }

    [Fact]
    public void A_transition_that_keeps_the_timers_is_decided_without_reading_them()
    {
        var report = Fire(new InstanceSnapshot("in-progress", IssuedData()), "report-progress", Actors.OfficerOfAgency,
            new() { ["comment"] = "Đạt 50%", ["percent"] = "50" });

        Assert.Same(TimerChanges.None, Assert.IsType<Transitioned>(report).Timers);
    }

    [Fact]
    public void A_transition_that_moves_the_timers_asks_for_them_and_with_them_moves_them()
    {
        var data = new Dictionary<string, string>(IssuedData()) { ["requestedDeadline"] = "2026-07-31" };

        var blind = Fire(new InstanceSnapshot("extension-requested", data), "grant-extension", Actors.Committee);
        var seeing = Fire(Instance("extension-requested", data), "grant-extension", Actors.Committee);

        Assert.IsType<TimersNeeded>(blind);
        var moved = Assert.IsType<Transitioned>(seeing);
        Assert.Equal(7, moved.Timers.Cancel.Count);
        Assert.Equal(7, moved.Timers.Set.Count);
    }

    [Fact]
    public void A_whole_follow_up_from_issue_to_close()
    {
        var start = _runtime.Start(FollowUp, IssuedData(), Actors.Committee, _time.GetUtcNow());
        var instance = new InstanceSnapshot(start.To, start.Data, FollowUpTimers.Pending(start.Timers.Set));
        var steps = new (string Trigger, Actor Actor, Dictionary<string, string?> Input, string To)[]
        {
            ("acknowledge", Actors.OfficerOfAgency, [], "acknowledged"),
            ("request-extension", Actors.OfficerOfAgency, new() { ["newDeadline"] = "2026-07-31", ["reason"] = "Chờ kinh phí" }, "extension-requested"),
            ("grant-extension", Actors.Committee, [], "in-progress"),
            ("report-progress", Actors.HeadOfAgency, new() { ["comment"] = "Đạt 80%", ["percent"] = "80" }, "in-progress"),
            ("submit", Actors.OfficerOfAgency, [], "submitted"),
            ("verify", Actors.Secretary, new() { ["result"] = "done", ["comment"] = "Đã xác minh" }, "closed"),
        };

        foreach (var (trigger, actor, input, to) in steps)
        {
            _time.Advance(TimeSpan.FromDays(1));
            var moved = Assert.IsType<Transitioned>(Fire(instance, trigger, actor, input));
            Assert.Equal(to, moved.To);
            var pending = instance.PendingTimers!.Where(p => !moved.Timers.Cancel.Contains(p.TimerId))
                .Concat(FollowUpTimers.Pending(moved.Timers.Set)).ToList();
            instance = new InstanceSnapshot(moved.To, moved.Data, pending);
        }

        Assert.Equal("closed", instance.State);
        Assert.Equal("2026-07-31", instance.Data["deadline"]);
        Assert.Equal("done", instance.Data["result"]);
        Assert.Empty(instance.PendingTimers!);
    }

    // ---- what an actor is offered ----

    [Theory]
    [InlineData("issued", "officer", "acknowledge")]
    [InlineData("issued", "head", "acknowledge")]
    [InlineData("issued", "other-officer", "")]
    [InlineData("issued", "committee", "end-follow-up")]
    [InlineData("issued", "system", "acknowledge end-follow-up")]
    [InlineData("acknowledged", "officer", "report-progress request-extension submit")]
    [InlineData("acknowledged", "officer-without-agency", "")]
    [InlineData("acknowledged", "committee", "end-follow-up")]
    [InlineData("extension-requested", "committee", "grant-extension refuse-extension end-follow-up")]
    [InlineData("extension-requested", "delegation-head", "grant-extension refuse-extension")]
    [InlineData("extension-requested", "secretary", "")]
    [InlineData("extension-requested", "officer", "")]
    [InlineData("submitted", "secretary", "verify reopen")]
    [InlineData("submitted", "committee", "verify end-follow-up reopen")]
    [InlineData("submitted", "officer", "")]
    [InlineData("closed", "committee", "reopen")]
    [InlineData("closed", "officer", "")]
    public void Available_lists_only_what_the_actor_may_fire_now(string state, string actorName, string expected)
    {
        var available = _runtime.Available(ShippedWorkflows.FollowUp, Instance(state), Actors.ByName(actorName));

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), available.Select(t => t.Trigger));
    }

    [Fact]
    public void Available_agrees_with_what_fire_allows()
    {
        foreach (var state in FollowUp.States.Select(s => s.Id))
            foreach (var name in Actors.Names)
            {
                var actor = Actors.ByName(name);
                var instance = Instance(state);
                var offered = _runtime.Available(FollowUp, instance, actor).Select(t => t.Trigger).ToHashSet();
                foreach (var trigger in FollowUp.Transitions.Select(t => t.Trigger).Distinct())
                {
                    var outcome = Fire(instance, trigger, actor);
                    var allowed = outcome is not Refused { Kind: RefusalKind.Forbidden or RefusalKind.WrongState };
                    Assert.True(allowed == offered.Contains(trigger), $"{name} in {state}: '{trigger}' offered={offered.Contains(trigger)} but fire gave {outcome}");
                }
            }
    }
}
