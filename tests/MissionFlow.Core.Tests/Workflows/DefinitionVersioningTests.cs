using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Tests.Workflows;

public sealed class DefinitionVersioningTests
{
    [Fact]
    public async Task A_running_instance_keeps_its_version_after_a_new_one_is_published()
    {
        await using var host = await CoreHost.StartAsync("sqlite");
        var id = await FollowUps.StartAsync(host);

        // Version 9, for Law 87/2015 as v1 is, renames "acknowledge" to "receive".
        var v9 = RepoWorkflows.LoadWithEditedFollowUp(text => text
            .Replace("\"version\": 1", "\"version\": 9")
            .Replace("\"trigger\": \"acknowledge\"", "\"trigger\": \"receive\""));
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(v9);

        await using (var scope = host.Scope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
            Assert.Equal(9, catalog.Latest("recommendation-followup", "law-87-2015").Version);
            Assert.NotNull(catalog.Find("recommendation-followup", 1));

            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var old = await db.Instances.SingleAsync(i => i.Id == id);
            await scope.ServiceProvider.GetRequiredService<WorkflowService>().FireAsync(old, "acknowledge", FollowUps.Officer, new Dictionary<string, string?>());
            Assert.Equal((1, "acknowledged"), (old.WorkflowVersion, old.State));
        }

        var newer = await FollowUps.StartAsync(host);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var instance = await db.Instances.SingleAsync(i => i.Id == newer);
            Assert.Equal(9, instance.WorkflowVersion);
            var actions = scope.ServiceProvider.GetRequiredService<WorkflowService>().Available(instance, FollowUps.Officer);
            Assert.Contains(actions, t => t.Trigger == "receive");
            Assert.DoesNotContain(actions, t => t.Trigger == "acknowledge");
        }
    }

    [Fact]
    public async Task A_changed_file_whose_version_was_not_bumped_is_refused_and_nothing_is_stored()
    {
        await using var host = await CoreHost.StartAsync("sqlite");
        var edited = RepoWorkflows.LoadWithEditedFollowUp(text => text.Replace("\"offset\": \"-15wd\"", "\"offset\": \"-20wd\""));

        await using var scope = host.Scope();
        var error = await Assert.ThrowsAsync<DefinitionChangedException>(() =>
            scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(edited));

        var message = Assert.Single(error.Errors);
        Assert.Contains("recommendation-followup.v1.json", message);
        Assert.Contains("bump \"version\"", message);
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var stored = await db.Definitions.AsNoTracking().SingleAsync(d => d.WorkflowId == "recommendation-followup" && d.Version == 1);
        Assert.Contains("\"-15wd\"", stored.Source);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Two_nodes_publishing_the_same_versions_at_once_both_start(string provider)
    {
        await using var host = await CoreHost.StartAsync(provider, definitions: []);
        var definitions = RepoWorkflows.Load();
        await using var first = host.Scope();
        await using var second = host.Scope();

        await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(definitions),
            second.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(definitions));

        await using var check = host.Scope();
        Assert.Equal(definitions.Count, await check.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Definitions.CountAsync());
        Assert.Equal(1, check.ServiceProvider.GetRequiredService<DefinitionCatalog>().Latest("recommendation-followup", "law-87-2015").Version);
        Assert.Equal(3, check.ServiceProvider.GetRequiredService<DefinitionCatalog>().Latest("recommendation-followup", "law-121-2025").Version);
    }
}
