using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MissionFlow.Engine.Tests.Runtime;

/// <summary>
/// Law 121/2025's follow-up (v3): the committee's verification result decides where the item goes, so one
/// trigger leads to several states through the transitions' <c>when</c>.
/// </summary>
public sealed class VerificationResultTests
{
    private static readonly WorkflowDefinition FollowUp = ShippedWorkflows.FollowUp;
    private readonly WorkflowRuntime _runtime = new(new TimerScheduler(CouncilClock.Default()));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 6, 2, 30, 0, TimeSpan.Zero));

    private static InstanceSnapshot Submitted() => new("submitted", new Dictionary<string, string>
    {
        ["agencyId"] = Actors.Agency,
        ["deadline"] = "2026-06-30",
        ["number"] = "3",
        ["missionCode"] = "GS-2026-01",
        ["text"] = "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất",
    }, [], []);

    private FireOutcome Fire(InstanceSnapshot instance, string trigger, Actor actor, Dictionary<string, string?> input) =>
        _runtime.Fire(FollowUp, instance, new FireRequest(trigger, actor, input, _time.GetUtcNow()));

    private Transitioned Verify(string result, string? newDeadline = null) =>
        Assert.IsType<Transitioned>(Fire(Submitted(), "verify", Actors.Committee,
            new() { ["result"] = result, ["comment"] = "Đã kiểm tra tại cơ quan", ["newDeadline"] = newDeadline }));

    [Fact]
    public void The_shipped_v3_is_law_121_and_the_latest()
    {
        Assert.Equal(3, FollowUp.Version);
        Assert.Equal("law-121-2025", FollowUp.Regime);
    }

    [Fact]
    public void Done_closes_the_follow_up()
    {
        var moved = Verify("done");

        Assert.Equal("closed", moved.To);
        Assert.True(FollowUp.IsFinal(moved.To));
        Assert.Equal("done", moved.Data["result"]);
        Assert.Equal("done", moved.Journal.Input["result"]);
    }

    [Theory]
    [InlineData("partly-done")]
    [InlineData("not-done")]
    public void Partly_done_or_not_done_goes_back_under_follow_up_with_the_new_deadline_and_its_reminders(string result)
    {
        var moved = Verify(result, "2026-10-30");

        Assert.Equal("in-progress", moved.To);
        Assert.Equal(result, moved.Data["result"]);
        Assert.Equal("2026-10-30", moved.Data["deadline"]);
        Assert.Equal("2026-10-30", moved.Journal.Input["newDeadline"]);
        var reminder = Assert.Single(moved.Timers.Set, t => t.TimerId == "reminder-3wd");
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 1, 0, 0, TimeSpan.Zero), reminder.DueAt);
    }

    [Fact]
    public void Partly_done_without_a_new_deadline_names_the_field()
    {
        var refused = Assert.IsType<Refused>(Fire(Submitted(), "verify", Actors.Committee,
            new() { ["result"] = "partly-done", ["comment"] = "Mới xong một nửa" }));

        Assert.Equal(RefusalKind.InvalidInput, refused.Kind);
        Assert.Equal("newDeadline", refused.Field);
        Assert.Equal("required", refused.Code);
    }

    [Theory]
    [InlineData("2026-07-06")]
    [InlineData("2026-07-01")]
    public void A_new_deadline_must_come_after_today(string newDeadline)
    {
        var refused = Assert.IsType<Refused>(Fire(Submitted(), "verify", Actors.Committee,
            new() { ["result"] = "not-done", ["comment"] = "Chưa làm", ["newDeadline"] = newDeadline }));

        Assert.Equal("newDeadline", refused.Field);
        Assert.Equal("after", refused.Code);
        Assert.Equal(["newDeadline", "2026-07-06"], refused.Args);
    }

    [Theory]
    [InlineData("not-implemented")]
    [InlineData("not-meeting-requirements")]
    public void Not_implemented_or_not_meeting_requirements_returns_the_item_to_the_agency_with_its_deadline(string result)
    {
        var moved = Verify(result);

        Assert.Equal("in-progress", moved.To);
        Assert.Equal(result, moved.Data["result"]);
        Assert.Equal("2026-06-30", moved.Data["deadline"]);
        var back = new InstanceSnapshot(moved.To, moved.Data);
        Assert.Contains("submit", _runtime.Available(FollowUp, back, Actors.OfficerOfAgency).Select(t => t.Trigger));
    }

    [Fact]
    public void A_result_no_transition_takes_is_invalid_and_names_the_result()
    {
        var refused = Assert.IsType<Refused>(Fire(Submitted(), "verify", Actors.Committee, new() { ["result"] = "excellent", ["comment"] = "?" }));

        Assert.Equal(RefusalKind.InvalidInput, refused.Kind);
        Assert.Equal("result", refused.Field);
        Assert.Contains("not-meeting-requirements", refused.Reason);
    }

    [Fact]
    public void The_agency_still_hears_forbidden_whatever_result_it_sends()
    {
        var refused = Assert.IsType<Refused>(Fire(Submitted(), "verify", Actors.OfficerOfAgency, new() { ["result"] = "partly-done" }));

        Assert.Equal(RefusalKind.Forbidden, refused.Kind);
    }

    [Fact]
    public void The_form_shows_the_result_fields_once_and_the_new_deadline_as_optional()
    {
        var inputs = FollowUp.InputsFor("verify", "submitted");

        Assert.Equal(["result", "comment", "newDeadline"], inputs.Select(i => i.Name));
        Assert.Equal([true, true, false], inputs.Select(i => i.Required));
    }

    [Theory]
    [InlineData("issued")]
    [InlineData("in-progress")]
    [InlineData("extension-requested")]
    [InlineData("submitted")]
    public void The_committee_ends_the_follow_up_of_an_open_item_with_a_reason(string state)
    {
        var instance = Submitted() with { State = state, Data = new Dictionary<string, string>(Submitted().Data) { ["requestedDeadline"] = "2026-12-31" } };

        var moved = Assert.IsType<Transitioned>(Fire(instance, "end-follow-up", Actors.Committee, new() { ["reason"] = "Cơ quan đã giải thể" }));

        Assert.Equal("closed", moved.To);
        Assert.Equal("ended", moved.Data["result"]);
        Assert.False(moved.Data.ContainsKey("requestedDeadline"));
        Assert.Equal("Cơ quan đã giải thể", moved.Journal.Comment);
    }

    [Fact]
    public void Ending_the_follow_up_needs_a_reason_and_the_committee()
    {
        var noReason = Assert.IsType<Refused>(Fire(Submitted(), "end-follow-up", Actors.Committee, []));
        var secretary = Assert.IsType<Refused>(Fire(Submitted(), "end-follow-up", Actors.Secretary, new() { ["reason"] = "Lý do" }));
        var closed = Assert.IsType<Refused>(Fire(Submitted() with { State = "closed" }, "end-follow-up", Actors.Committee, new() { ["reason"] = "Lý do" }));

        Assert.Equal("reason", noReason.Field);
        Assert.Equal(RefusalKind.Forbidden, secretary.Kind);
        Assert.Equal(RefusalKind.WrongState, closed.Kind);
    }
}
