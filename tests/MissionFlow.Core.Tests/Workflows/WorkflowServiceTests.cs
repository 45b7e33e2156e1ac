using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Tests.Workflows;

public sealed class WorkflowServiceTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Starting_a_follow_up_stores_its_journal_and_its_deadline_timers(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider);
        var id = await FollowUps.StartAsync(host, deadline: "2026-12-31");

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id).ToListAsync();
        Assert.Equal(7, timers.Count);
        Assert.All(timers, t => Assert.Equal(TimerStatus.Pending, t.Status));
        // 3 working days before Thursday 31 Dec 2026 is Monday 28 Dec, 08:00 in Hà Nội.
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 1, 0, 0, TimeSpan.Zero), timers.Single(t => t.TimerId == "reminder-3wd").DueAt);
        var start = Assert.Single(await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).ToListAsync());
        Assert.Equal(("start", "issued"), (start.Trigger, start.ToState));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_refused_trigger_says_why_and_writes_nothing(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider);
        var id = await FollowUps.StartAsync(host);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var instance = await db.Instances.SingleAsync(i => i.Id == id);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() =>
            workflows.FireAsync(instance, "acknowledge", FollowUps.OtherAgencyOfficer, new Dictionary<string, string?>()));
        Assert.Contains("agency", forbidden.Message);
        await Assert.ThrowsAsync<ConflictException>(() =>
            workflows.FireAsync(instance, "verify", FollowUps.Committee, new Dictionary<string, string?> { ["result"] = "done", ["comment"] = "x" }));
        await workflows.FireAsync(instance, "acknowledge", FollowUps.Officer, new Dictionary<string, string?>());
        var invalid = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            workflows.FireAsync(instance, "request-extension", FollowUps.Officer, new Dictionary<string, string?> { ["reason"] = "x" }));
        Assert.Equal("newDeadline", invalid.Field);

        await using var check = host.Scope();
        var fresh = check.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var stored = await fresh.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal((1, "acknowledged"), (stored.Revision, stored.State));
        Assert.Equal(2, await fresh.Journal.CountAsync(j => j.InstanceId == id));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_granted_extension_moves_the_deadline_and_its_timers_and_closing_cancels_them(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider);
        var id = await FollowUps.StartAsync(host, deadline: "2026-12-31");

        await Fire(host, id, "acknowledge", FollowUps.Officer);
        await Fire(host, id, "request-extension", FollowUps.Officer, ("newDeadline", "2027-03-31"), ("reason", "Chờ hướng dẫn của Bộ Công Thương"));
        await Fire(host, id, "grant-extension", FollowUps.Committee);

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal("2027-03-31", instance.Data["deadline"]);
            var pending = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).ToListAsync();
            Assert.Equal(7, pending.Count);
            Assert.All(pending, t => Assert.True(t.DueAt > new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.Equal(7, await db.Timers.CountAsync(t => t.InstanceId == id && t.Status == TimerStatus.Cancelled));
        }

        await Fire(host, id, "submit", FollowUps.Officer);
        await Fire(host, id, "verify", FollowUps.Committee, ("result", "done"), ("comment", "Đã hoàn thành"));

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            Assert.Equal(0, await db.Timers.CountAsync(t => t.InstanceId == id && t.Status == TimerStatus.Pending));
            var trail = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync();
            Assert.Equal(["start", "acknowledge", "request-extension", "grant-extension", "submit", "verify"], trail);
        }
    }

    private static async Task Fire(CoreHost host, Guid id, string trigger, MissionFlow.Engine.Runtime.Actor actor, params (string Key, string Value)[] input)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var instance = await db.Instances.SingleAsync(i => i.Id == id);
        await scope.ServiceProvider.GetRequiredService<WorkflowService>()
            .FireAsync(instance, trigger, actor, input.ToDictionary(p => p.Key, p => (string?)p.Value));
    }
}
