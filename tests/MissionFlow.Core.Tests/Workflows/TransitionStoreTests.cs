using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Tests.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Tests.Workflows;

/// <summary>
/// What the transition store writes with its plain statements is what EF reads back, on each provider: the
/// instance, the journal line, the timers, and a recommendation's mirror columns through a close and a reopen.
/// </summary>
public sealed class TransitionStoreTests
{
    private static readonly Dictionary<string, string?> NoInput = [];

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Instance_journal_and_timers_read_back_through_EF_as_the_runtime_decided_them(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider);
        var id = await FollowUps.StartAsync(host, deadline: "2026-12-31");
        await DecideAndWriteAsync(host, id, "acknowledge", FollowUps.Officer, NoInput);
        var (requested, _) = await DecideAndWriteAsync(host, id, "request-extension", FollowUps.Officer,
            new Dictionary<string, string?> { ["newDeadline"] = "2027-01-29", ["reason"] = "Chờ ý kiến của Bộ" });
        Assert.Equal("extension-requested", requested.To);
        var (granted, timersBefore) = await DecideAndWriteAsync(host, id, "grant-extension", FollowUps.Committee, NoInput);
        Assert.NotEmpty(granted.Timers.Cancel); // the extension moves the reminders: the test covers the cancel and the insert

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal(granted.To, instance.State);
        Assert.Equal(granted.Data, instance.Data);
        Assert.Equal(3, instance.Revision);
        Assert.Equal(granted.Journal.At, instance.UpdatedAt);

        var line = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).LastAsync();
        Assert.Equal((granted.Journal.At, granted.Journal.Actor, granted.Journal.Trigger, granted.Journal.From, granted.Journal.To, granted.Journal.Comment),
            (line.At, line.Actor, line.Trigger, line.FromState, line.ToState, line.Comment));
        Assert.Equal(granted.Journal.Input, JsonSerializer.Deserialize<Dictionary<string, string>>(line.InputJson));
        Assert.Equal(["start", "acknowledge", "request-extension", "grant-extension"],
            await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync());

        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id).ToListAsync();
        var pending = timers.Where(t => t.Status == TimerStatus.Pending).Select(t => (t.TimerId, t.DueAt, t.Kind, t.Level)).OrderBy(t => t.TimerId).ToList();
        Assert.Equal(granted.Timers.Set.Select(t => (t.TimerId, t.DueAt, t.Kind, t.Level)).OrderBy(t => t.TimerId), pending);
        Assert.Equal(granted.Timers.SkipList.Select(t => t.TimerId).Order(), timers.Where(t => t.Status == TimerStatus.Skipped).Select(t => t.TimerId).Order());
        // Each cancelled timer id had a pending row before the extension and has a cancelled one now.
        Assert.All(granted.Timers.Cancel, timerId =>
        {
            Assert.Contains(timersBefore, t => t.TimerId == timerId);
            Assert.Contains(timers, t => t.TimerId == timerId && t.Status == TimerStatus.Cancelled);
        });
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task The_recommendation_mirrors_deadline_result_and_close_through_a_close_and_a_reopen(string provider)
    {
        await using var world = await ReminderWorld.StartAsync(provider);
        var id = (await world.IssueAsync("2026-12-11")).Single();
        Assert.Equal((new DateOnly(2026, 12, 11), (string?)null, false, (DateOnly?)null), await MirrorAsync(world, id));

        await world.FireAsync(id, "acknowledge", world.Officer);
        await world.FireAsync(id, "request-extension", world.Officer, new() { ["newDeadline"] = "2026-12-31", ["reason"] = "Chờ ý kiến của Bộ" });
        await world.FireAsync(id, "grant-extension", world.Committee);
        Assert.Equal((new DateOnly(2026, 12, 31), (string?)null, false, (DateOnly?)null), await MirrorAsync(world, id));

        await world.FireAsync(id, "submit", world.Officer);
        // Closed at 20:00 UTC on 3 November: already the 4th in the council's time zone (UTC+7).
        world.Host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 3, 20, 0, 0, TimeSpan.Zero));
        await world.FireAsync(id, "verify", world.Committee, new() { ["result"] = "done", ["comment"] = "Đã hoàn thành" });
        var closed = await MirrorAsync(world, id);
        Assert.Equal((new DateOnly(2026, 12, 31), true, new DateOnly(2026, 11, 4)), (closed.Deadline, closed.Closed, closed.ClosedOn));
        Assert.Equal(await DataResultAsync(world, id), closed.Result);

        await world.FireAsync(id, "reopen", world.Committee, new() { ["reason"] = "Báo cáo chưa đầy đủ" });
        var reopened = await MirrorAsync(world, id);
        Assert.Equal((new DateOnly(2026, 12, 31), false, (DateOnly?)null), (reopened.Deadline, reopened.Closed, reopened.ClosedOn));
        Assert.Equal(await DataResultAsync(world, id), reopened.Result);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_write_that_lost_the_race_throws_conflict_and_writes_nothing_not_even_the_mirror(string provider)
    {
        await using var world = await ReminderWorld.StartAsync(provider);
        var id = (await world.IssueAsync("2026-12-11")).Single();
        await using var first = world.Host.Scope();
        await using var second = world.Host.Scope();
        var a = await DecideAsync(first, id, world.Officer);
        var b = await DecideAsync(second, id, world.Officer);

        await first.ServiceProvider.GetRequiredService<TransitionStore>().WriteAsync(a.Decision, new TransitionEffects { Mirror = a.Mirror });
        var lost = b.Mirror with { Deadline = new DateOnly(2027, 6, 30), Result = "done", Closed = true, ClosedOn = new DateOnly(2026, 11, 2) };
        await Assert.ThrowsAsync<ConflictException>(() =>
            second.ServiceProvider.GetRequiredService<TransitionStore>().WriteAsync(b.Decision, new TransitionEffects { Mirror = lost }));

        Assert.Equal((new DateOnly(2026, 12, 11), (string?)null, false, (DateOnly?)null), await MirrorAsync(world, id));
        var (revision, lines) = await world.QueryAsync(async db =>
        {
            var instanceId = await db.Recommendations.Where(r => r.Id == id).Select(r => r.InstanceId).SingleAsync();
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
            return (instance.Revision, await db.Journal.CountAsync(j => j.InstanceId == instanceId));
        });
        Assert.Equal(1, revision);
        Assert.Equal(2, lines); // start and the one acknowledge
    }

    private static async Task<(Decision Decision, RecommendationMirror Mirror)> DecideAsync(AsyncServiceScope scope, Guid id, Actor actor)
    {
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var recommendation = await db.Recommendations.AsNoTracking().Include(r => r.Instance).SingleAsync(r => r.Id == id);
        var decision = await scope.ServiceProvider.GetRequiredService<WorkflowService>().DecideAsync(recommendation.Instance!, "acknowledge", actor, NoInput);
        return (decision, RecommendationMirror.After(recommendation, decision, scope.ServiceProvider.GetRequiredService<CouncilClock>()));
    }

    private static async Task<(Transitioned Transition, List<WorkflowTimer> TimersBefore)> DecideAndWriteAsync(
        CoreHost host, Guid id, string trigger, Actor actor, IReadOnlyDictionary<string, string?> input)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var before = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).ToListAsync();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
        var decision = await scope.ServiceProvider.GetRequiredService<WorkflowService>().DecideAsync(instance, trigger, actor, input);
        var result = await scope.ServiceProvider.GetRequiredService<TransitionStore>().WriteAsync(decision, TransitionEffects.None);
        Assert.Equal(decision.Transition.To, result.Instance.State);
        return (decision.Transition, before);
    }

    private static Task<(DateOnly Deadline, string? Result, bool Closed, DateOnly? ClosedOn)> MirrorAsync(ReminderWorld world, Guid id) =>
        world.QueryAsync(db => db.Recommendations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ValueTuple<DateOnly, string?, bool, DateOnly?>(r.Deadline, r.Result, r.Closed, r.ClosedOn)).SingleAsync());

    private static Task<string?> DataResultAsync(ReminderWorld world, Guid id) =>
        world.QueryAsync(async db => (await db.Recommendations.AsNoTracking().Include(r => r.Instance).SingleAsync(r => r.Id == id))
            .Instance!.Data.GetValueOrDefault(RecommendationService.ResultKey));
}
