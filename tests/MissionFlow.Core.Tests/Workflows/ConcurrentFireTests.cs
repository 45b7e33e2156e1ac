using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Tests.Workflows;

public sealed class ConcurrentFireTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Two_fires_on_one_instance_one_wins_and_the_loser_writes_nothing(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider);
        var id = await FollowUps.StartAsync(host);

        // Both people read the instance before either writes, as two browsers would.
        await using var first = host.Scope();
        await using var second = host.Scope();
        var firstDb = first.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var a = await firstDb.Instances.SingleAsync(i => i.Id == id);
        var b = await secondDb.Instances.SingleAsync(i => i.Id == id);

        var results = await Task.WhenAll(
            Attempt(() => first.ServiceProvider.GetRequiredService<WorkflowService>()
                .FireAsync(a, "acknowledge", FollowUps.Officer, new Dictionary<string, string?>())),
            Attempt(() => second.ServiceProvider.GetRequiredService<WorkflowService>()
                .FireAsync(b, "acknowledge", FollowUps.Head, new Dictionary<string, string?>())));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.IsType<ConflictException>(Assert.Single(results, r => r is not null));

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var stored = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(1, stored.Revision);
        Assert.Equal("acknowledged", stored.State);
        Assert.Equal(["start", "acknowledge"], journal.Select(j => j.Trigger));
    }

    private static async Task<Exception?> Attempt(Func<Task> fire)
    {
        try
        {
            await fire();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
