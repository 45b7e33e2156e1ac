using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Tests.Timers;
using MissionFlow.Core.Workflows;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Recommendations;

/// <summary>
/// Law 121/2025's verification results lived on a fake clock: a result other than "done" keeps the item under
/// follow-up, and the journal keeps every result given.
/// </summary>
public sealed class VerificationResultTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static Task<(Recommendation Item, string State, IReadOnlyList<ResultEntry> Results)> ReadAsync(ReminderWorld world, Guid id) =>
        world.QueryAsync<(Recommendation, string, IReadOnlyList<ResultEntry>)>(async db =>
        {
            var r = await db.Recommendations.Include(x => x.Instance).SingleAsync(x => x.Id == id);
            var journal = await db.Journal.Where(j => j.InstanceId == r.InstanceId).OrderBy(j => j.Id).ToListAsync();
            var definition = world.Host.Services.GetRequiredService<DefinitionCatalog>().Get(r.Instance!.WorkflowId, r.Instance.WorkflowVersion);
            return (r, r.Instance!.State, ResultHistory.Of(definition, journal));
        });

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Partly_done_sets_a_new_deadline_with_its_reminders_and_a_later_done_keeps_it_in_the_history(string provider)
    {
        await using var world = await StartAsync(provider);
        // Issued Monday 2 November 2026, due Friday 11 December.
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.FireAsync(id, "submit", world.Officer);
        await world.LiveUntilAsync(D("2026-11-09"));

        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "partly-done", ["comment"] = "Mới đạt 60%", ["newDeadline"] = "2027-01-29" });
        var (back, state, _) = await ReadAsync(world, id);
        Assert.Equal("in-progress", state);
        Assert.Equal(D("2027-01-29"), back.Deadline);
        Assert.Equal("partly-done", back.Result);

        await world.LiveUntilAsync(D("2027-01-25"));
        var reminders = world.Inbox.Where(m => m.Message.To.ToString() == AgencyMailbox).Select(m => (m.Day, m.Message.Subject)).ToList();
        Assert.Equal(
        [
            (D("2027-01-08"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 29/01/2027"), // 15 working days before the new deadline
            (D("2027-01-20"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 29/01/2027"),
        ], reminders);
        Assert.DoesNotContain(world.Inbox, m => m.Message.Subject!.Contains("11/12/2026"));

        await world.FireAsync(id, "submit", world.Officer);
        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "done", ["comment"] = "Đã hoàn thành" });

        var (done, closed, results) = await ReadAsync(world, id);
        Assert.Equal("closed", closed);
        Assert.Equal("done", done.Result);
        Assert.Equal(D("2027-01-29"), done.Deadline);
        Assert.Equal(["partly-done", "done"], results.Select(r => r.Result));
        Assert.Equal(["Mới đạt 60%", "Đã hoàn thành"], results.Select(r => r.Comment));
        Assert.All(results, r => Assert.Equal(CommitteeAccount, r.By));
    }

    [Fact]
    public async Task Partly_done_without_a_new_deadline_is_refused_naming_it_and_writes_nothing()
    {
        await using var world = await StartAsync("sqlite");
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.FireAsync(id, "submit", world.Officer);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "partly-done", ["comment"] = "Mới đạt 60%" }));

        Assert.Equal("newDeadline", refused.Field);
        var (item, state, results) = await ReadAsync(world, id);
        Assert.Equal("submitted", state);
        Assert.Null(item.Result);
        Assert.Empty(results);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Not_meeting_requirements_returns_the_item_to_the_agency_which_submits_again_by_the_same_deadline(string provider)
    {
        await using var world = await StartAsync(provider);
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.FireAsync(id, "submit", world.Officer);

        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "not-meeting-requirements", ["comment"] = "Báo cáo thiếu số liệu kiểm chứng" });
        var (returned, state, _) = await ReadAsync(world, id);
        Assert.Equal("in-progress", state);
        Assert.Equal(D("2026-12-11"), returned.Deadline);
        Assert.Equal("not-meeting-requirements", returned.Result);

        await world.FireAsync(id, "submit", world.Officer);
        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "not-implemented", ["comment"] = "Chưa triển khai" });
        var (open, stillOpen, results) = await ReadAsync(world, id);
        Assert.Equal("in-progress", stillOpen);
        Assert.Equal("not-implemented", open.Result);
        Assert.Equal(["not-meeting-requirements", "not-implemented"], results.Select(r => r.Result));
    }

    [Fact]
    public async Task The_committee_ends_a_follow_up_with_a_reason_and_its_timers_stop()
    {
        await using var world = await StartAsync("sqlite");
        var id = (await world.IssueAsync("2026-12-11")).Single();

        await world.FireAsync(id, "end-follow-up", world.Committee, new() { ["reason"] = "Cơ quan đã sáp nhập, nội dung không còn phù hợp" });
        await world.LiveUntilAsync(D("2026-12-31"));

        var (item, state, results) = await ReadAsync(world, id);
        Assert.Equal("closed", state);
        Assert.Equal(ResultHistory.Ended, item.Result);
        var ended = Assert.Single(results);
        Assert.Equal("Cơ quan đã sáp nhập, nội dung không còn phù hợp", ended.Comment);
        Assert.Empty(world.Inbox);
        await Assert.ThrowsAsync<ForbiddenException>(() => world.FireAsync(id, "end-follow-up", world.Officer, new() { ["reason"] = "x" }));
    }

    [Fact]
    public async Task An_instance_pinned_to_v2_still_closes_on_partly_done_as_before()
    {
        await using var world = await StartAsync("sqlite");
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.FireAsync(id, "submit", world.Officer);
        // As if it had started before v3 was published: pinned to v2's version and hash.
        await world.QueryAsync(async db =>
        {
            var catalog = world.Host.Services.GetRequiredService<DefinitionCatalog>();
            var v2 = catalog.Get(MissionService.FollowUpWorkflowId, 2);
            var instanceId = await db.Recommendations.Where(r => r.Id == id).Select(r => r.InstanceId).SingleAsync();
            return await db.Instances.Where(i => i.Id == instanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.WorkflowVersion, 2).SetProperty(i => i.WorkflowHash, v2.Hash));
        });

        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "partly-done", ["comment"] = "Đạt một phần" });

        var (item, state, results) = await ReadAsync(world, id);
        Assert.Equal("closed", state);
        Assert.Equal("partly-done", item.Result);
        Assert.Equal(D("2026-12-11"), item.Deadline);
        Assert.Equal(["partly-done"], results.Select(r => r.Result));
        await Assert.ThrowsAsync<NotFoundException>(() => world.FireAsync(id, "end-follow-up", world.Committee, new() { ["reason"] = "x" }));
    }
}
