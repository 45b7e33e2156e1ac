using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>Each timer fires once, however sweeps die or overlap.</summary>
public sealed class SweepSafetyTests
{
    /// <summary>
    /// Dies like a process shut down mid-sweep: the Nth save throws before it commits. (A cancellation, because
    /// any other failure the sweep takes for a bad timer and goes on one at a time.)
    /// </summary>
    private sealed class Crash : SaveChangesInterceptor
    {
        private int _left = -1;

        public void AfterSaves(int saves) => _left = saves;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (_left >= 0 && _left-- == 0)
                throw new OperationCanceledException("process killed");
            return base.SavingChangesAsync(eventData, result, ct);
        }
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_sweep_killed_half_way_and_run_again_fires_and_sends_each_notice_once(string provider)
    {
        var crash = new Crash();
        await using var world = await ReminderWorld.StartAsync(provider, configure: services =>
        {
            services.ConfigureDbContext<SqliteMissionFlowDbContext>(o => o.AddInterceptors(crash));
            services.ConfigureDbContext<PostgreSqlMissionFlowDbContext>(o => o.AddInterceptors(crash));
        });
        // 120 recommendations due Wednesday 4 November: one collapsed reminder each, all due at once.
        await world.IssueAsync(Enumerable.Repeat("2026-11-04", 120).ToArray());

        crash.AfterSaves(1);
        await Assert.ThrowsAsync<OperationCanceledException>(() => world.SweepAsync());
        Assert.Equal(TimerSweep.Chunk, await world.QueryAsync(db => db.Timers.CountAsync(t => t.Status == TimerStatus.Fired)));
        Assert.Equal(TimerSweep.Chunk * 3, await world.QueryAsync(db => db.Outbox.CountAsync()));

        Assert.Equal(120 - TimerSweep.Chunk, (await world.SweepAsync()).Fired);
        Assert.Equal(0, (await world.SweepAsync()).Fired);
        await world.DeliverAsync();

        // Officer mailbox, officer account and head each hear of the 120 items, once, in one digest.
        Assert.Equal(3, world.Inbox.Count);
        Assert.All(world.Inbox, m => Assert.Equal(120, m.Message.TextBody!.Split('\n').Count(l => l.StartsWith("- [", StringComparison.Ordinal))));
        Assert.Equal(120, await world.QueryAsync(db => db.Journal.CountAsync(j => j.Trigger == "timer:reminder-3wd")));
        Assert.Equal(360, await world.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent)));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Two_sweeps_at_once_never_fire_the_same_timer(string provider)
    {
        await using var world = await ReminderWorld.StartAsync(provider);
        await world.IssueAsync(Enumerable.Repeat("2026-11-04", 300).ToArray());

        var results = await Task.WhenAll(Task.Run(() => world.SweepAsync()), Task.Run(() => world.SweepAsync()));

        Assert.Equal(300, results.Sum(r => r.Fired));
        Assert.Equal(300, await world.QueryAsync(db => db.Journal.CountAsync(j => j.Trigger == "timer:reminder-3wd")));
        Assert.Equal(300 * 3, await world.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_timer_that_cannot_fire_is_set_aside_and_the_timers_due_with_it_still_fire(string provider)
    {
        await using var world = await ReminderWorld.StartAsync(provider);
        var items = await world.IssueAsync(Enumerable.Repeat("2026-11-04", 5).ToArray());
        // Bad data behind one item (its instance's JSON broken): firing its reminder throws, every time.
        var broken = await world.QueryAsync(db => db.Recommendations.Where(r => r.Id == items[2]).Select(r => r.InstanceId!.Value).FirstAsync());
        await world.QueryAsync(db => db.Instances.Where(i => i.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(i => i.DataJson, "{broken")));

        var first = await world.SweepAsync();
        var again = await world.SweepAsync();

        Assert.Equal((4, 1), (first.Fired, first.Failed));
        Assert.Equal((0, 0), (again.Fired, again.Failed));
        Assert.Equal(TimerStatus.Failed, await world.QueryAsync(db => db.Timers.Where(t => t.InstanceId == broken && t.FiredAt != null).Select(t => t.Status).SingleAsync()));
        Assert.Equal(4, await world.QueryAsync(db => db.Journal.CountAsync(j => j.Trigger == "timer:reminder-3wd")));
        Assert.Equal(0, await world.QueryAsync(db => db.Timers.CountAsync(t => t.InstanceId == broken && t.Status == TimerStatus.Pending && t.DueAt <= world.Host.Time.GetUtcNow())));
    }

    /// <summary>
    /// SQLite answering "database is locked" to every save while <paramref name="on"/> says so, as when another
    /// writer holds the lock too long.
    /// </summary>
    private sealed class Locked(Func<bool> on) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            on() ? throw new Microsoft.Data.Sqlite.SqliteException("database is locked", 5) : base.SavingChangesAsync(eventData, result, ct);
    }

    [Fact]
    public async Task A_busy_database_sets_no_timer_aside_and_the_next_sweep_fires_them_all()
    {
        var failing = false;
        await using var world = await ReminderWorld.StartAsync("sqlite", configure: services =>
            services.ConfigureDbContext<SqliteMissionFlowDbContext>(o => o.AddInterceptors(new Locked(() => failing))));
        await world.IssueAsync(Enumerable.Repeat("2026-11-04", 3).ToArray());

        failing = true;
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => world.SweepAsync());
        Assert.Equal(0, await world.QueryAsync(db => db.Timers.CountAsync(t => t.Status == TimerStatus.Failed)));

        failing = false;
        Assert.Equal((3, 0), ((await world.SweepAsync()).Fired, (await world.SweepAsync()).Failed));
    }
}
