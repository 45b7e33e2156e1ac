using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Timers;
using static MissionFlow.Core.Tests.Timers.LadderDesk;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>
/// What the item's own transitions do to its ladder, on a fake clock: a "not implemented" verification brings the
/// request for explanation due at once, closing or ending follow-up stops it, a new deadline holds it back.
/// Issued Monday 2 November 2026, due Friday 11 December; the first rung falls due on Wednesday 16 December.
/// </summary>
public sealed class LadderHookTests
{
    private static Task<List<string>> LadderLinesAsync(ReminderWorld world) =>
        world.QueryAsync(db => db.Journal.Where(j => j.Trigger.StartsWith("ladder:")).OrderBy(j => j.Id).Select(j => j.Trigger + " " + j.InputJson).ToListAsync());

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Not_implemented_opens_the_request_for_explanation_at_the_next_sweep_and_skips_the_rungs_before_it(string provider)
    {
        await using var world = await StartAsync(provider);
        var ids = await world.IssueAsync("2026-12-11", "2026-12-11");
        var (early, late) = (ids[0], ids[1]);

        // The first is found not implemented long before its deadline: no rung had fallen due yet.
        await world.FireAsync(early, "acknowledge", world.Officer);
        await world.FireAsync(early, "submit", world.Officer);
        await world.FireAsync(early, "verify", world.Committee, new() { ["result"] = "not-implemented", ["comment"] = "Chưa triển khai" });
        await world.LiveUntilAsync(D("2026-11-02"));

        var tasks = await TasksAsync(world, early);
        Assert.Equal(["reminder-letter", "second-reminder-letter", "referral", "explanation-request"], tasks.Select(t => t.Kind));
        Assert.All(tasks.Take(3), t => Assert.Equal((OfficeTaskState.Skipped, "not-implemented"), (t.State, t.Reason)));
        Assert.Equal((OfficeTaskState.Open, D("2026-11-02"), 4), (tasks[3].State, tasks[3].DueDate, tasks[3].Level));
        Assert.Contains(To(world, OfficeAccount), m => m.Subject == $"[{MissionCode}] Đến hạn Văn bản yêu cầu giải trình: kiến nghị số 1");
        Assert.DoesNotContain(To(world, HeadMailbox), m => m.Subject!.Contains("giải trình"));

        // The second is found not implemented once its reminder letter is open and unrecorded.
        await world.FireAsync(late, "acknowledge", world.Officer);
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));
        Assert.Equal(OfficeTaskState.Open, (await TaskAsync(world, "reminder-letter", late)).State);
        await world.FireAsync(late, "submit", world.Officer);
        await world.FireAsync(late, "verify", world.Committee, new() { ["result"] = "not-implemented", ["comment"] = "Chưa triển khai" });
        Assert.Equal((OfficeTaskState.Scheduled, D("2026-12-18")), ((await TaskAsync(world, "explanation-request", late)).State, (await TaskAsync(world, "explanation-request", late)).DueDate));
        await world.SweepAsync();
        await world.DeliverAsync();

        tasks = await TasksAsync(world, late);
        Assert.Equal(["reminder-letter", "second-reminder-letter", "referral", "explanation-request"], tasks.Select(t => t.Kind));
        Assert.All(tasks.Take(3), t => Assert.Equal((OfficeTaskState.Skipped, "not-implemented"), (t.State, t.Reason)));
        Assert.Equal(OfficeTaskState.Open, tasks[3].State);
        Assert.Contains(To(world, OfficeAccount), m => m.Subject == $"[{MissionCode}] Đến hạn Văn bản yêu cầu giải trình: kiến nghị số 2");

        // The deadline's own first-rung timer, which fired in between for the first item, opened nothing more.
        Assert.Equal(4, (await TasksAsync(world, early)).Count);
        Assert.Equal(4, (await world.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == late))).EscalationLevel);
        var lines = await LadderLinesAsync(world);
        Assert.Equal(6, lines.Count(l => l.Contains(":skipped {\"reason\":\"not-implemented\"}")));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Done_and_end_of_follow_up_stop_the_open_and_scheduled_rungs(string provider)
    {
        await using var world = await StartAsync(provider);
        var ids = await world.IssueAsync("2026-12-11", "2026-12-11");
        var (done, ended) = (ids[0], ids[1]);
        await world.FireAsync(done, "acknowledge", world.Officer);
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));

        // The first: its reminder letter recorded, the second letter scheduled; then verified done.
        await RecordAsync(world, "reminder-letter", "245/HĐND-VP", D("2026-12-17"), recommendation: done);
        Assert.Equal(OfficeTaskState.Scheduled, (await TaskAsync(world, "second-reminder-letter", done)).State);
        await world.FireAsync(done, "submit", world.Officer);
        await world.FireAsync(done, "verify", world.Committee, new() { ["result"] = "done", ["comment"] = "Đã hoàn thành" });
        Assert.Equal((OfficeTaskState.Stopped, "verify"), ((await TaskAsync(world, "second-reminder-letter", done)).State, (await TaskAsync(world, "second-reminder-letter", done)).Reason));
        Assert.Equal(OfficeTaskState.Done, (await TaskAsync(world, "reminder-letter", done)).State);

        // The second: its reminder letter open and unrecorded when the committee ends its follow-up.
        await world.FireAsync(ended, "end-follow-up", world.Committee, new() { ["reason"] = "Cơ quan đã sáp nhập" });
        Assert.Equal((OfficeTaskState.Stopped, "end-follow-up"), ((await TaskAsync(world, "reminder-letter", ended)).State, (await TaskAsync(world, "reminder-letter", ended)).Reason));

        var officeBefore = To(world, OfficeAccount).Count;
        await world.LiveUntilAsync(D("2027-02-26"), TimeSpan.FromDays(1));
        Assert.Equal(3, await world.QueryAsync(db => db.OfficeTasks.CountAsync()));
        Assert.Equal(officeBefore, To(world, OfficeAccount).Count); // no rung due, no open rung overdue
        var lines = await LadderLinesAsync(world);
        Assert.Contains("ladder:second-reminder-letter:stopped {\"reason\":\"verify\"}", lines);
        Assert.Contains("ladder:reminder-letter:stopped {\"reason\":\"end-follow-up\"}", lines);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Partly_done_with_a_new_deadline_holds_the_scheduled_rung_back_and_the_reminders_run_before_it(string provider)
    {
        await using var world = await StartAsync(provider);
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));
        await RecordAsync(world, "reminder-letter", "245/HĐND-VP", D("2026-12-17"));
        Assert.Equal(D("2026-12-31"), (await TaskAsync(world, "second-reminder-letter")).DueDate);

        await world.FireAsync(id, "submit", world.Officer);
        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "partly-done", ["comment"] = "Mới đạt 60%", ["newDeadline"] = "2027-02-26" });

        // Three working days after the new deadline (Friday 26 February), not ten after the letter of 17 December.
        Assert.Equal((OfficeTaskState.Scheduled, D("2027-03-03")), ((await TaskAsync(world, "second-reminder-letter")).State, (await TaskAsync(world, "second-reminder-letter")).DueDate));
        var officeBefore = To(world, OfficeAccount).Count;
        await world.LiveUntilAsync(D("2027-03-02"), TimeSpan.FromDays(1));
        Assert.Equal(OfficeTaskState.Scheduled, (await TaskAsync(world, "second-reminder-letter")).State);
        Assert.Equal(officeBefore, To(world, OfficeAccount).Count);
        var reminders = world.Inbox.Where(m => m.Message.To.ToString() == AgencyMailbox && m.Message.Subject!.Contains("Nhắc hạn") && m.Day > D("2026-12-17"))
            .Select(m => (m.Day, m.Message.Subject)).ToList();
        Assert.Equal(
        [
            (D("2027-02-05"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 26/02/2027"),
            (D("2027-02-17"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 26/02/2027"),
            (D("2027-02-23"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 26/02/2027"),
        ], reminders);

        await world.LiveUntilAsync(D("2027-03-03"), TimeSpan.FromDays(1));
        Assert.Equal(OfficeTaskState.Open, (await TaskAsync(world, "second-reminder-letter")).State);
        Assert.Contains(To(world, OfficeAccount), m => m.Subject == $"[{MissionCode}] Đến hạn Công văn đôn đốc lần 2: kiến nghị số 1");
    }
}
