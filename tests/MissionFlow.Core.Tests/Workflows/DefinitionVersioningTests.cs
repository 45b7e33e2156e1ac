using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Tests.Workflows;

public sealed partial class DefinitionVersioningTests
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

    [Fact]
    public async Task A_published_version_takes_new_trigger_meanings_and_keeps_its_hash_and_its_instances()
    {
        // Version 1 as it was published before its triggers said what they mean.
        await using var host = await CoreHost.StartAsync("sqlite", RepoWorkflows.LoadWithEditedFollowUp(WithoutMeanings));
        var id = await FollowUps.StartAsync(host);
        var before = await StoredFollowUpV1Async(host);
        Assert.DoesNotContain("\"meaning\"", before.Source);

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(RepoWorkflows.Load());

        var after = await StoredFollowUpV1Async(host);
        Assert.Equal(before.Hash, after.Hash);
        Assert.Contains("\"meaning\": \"grant-extension\"", after.Source);
        await using (var scope = host.Scope())
        {
            var v1 = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().Get("recommendation-followup", 1);
            Assert.Equal(TriggerMeaning.GrantExtension, v1.MeaningOf("grant-extension"));
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var instance = await db.Instances.SingleAsync(i => i.Id == id);
            Assert.Equal((1, after.Hash), (instance.WorkflowVersion, instance.WorkflowHash));
            await scope.ServiceProvider.GetRequiredService<WorkflowService>().FireAsync(instance, "acknowledge", FollowUps.Officer, new Dictionary<string, string?>());
            Assert.Equal("acknowledged", instance.State);
        }
    }

    [Fact]
    public async Task New_meanings_with_any_other_change_to_a_published_version_are_refused_and_nothing_is_stored()
    {
        await using var host = await CoreHost.StartAsync("sqlite", RepoWorkflows.LoadWithEditedFollowUp(WithoutMeanings));
        var annotatedAndEdited = RepoWorkflows.LoadWithEditedFollowUp(text => text.Replace("\"offset\": \"-15wd\"", "\"offset\": \"-20wd\""));

        await using (var scope = host.Scope())
        {
            var error = await Assert.ThrowsAsync<DefinitionChangedException>(() =>
                scope.ServiceProvider.GetRequiredService<DefinitionPublisher>().PublishAsync(annotatedAndEdited));
            Assert.Contains("recommendation-followup.v1.json", Assert.Single(error.Errors));
        }

        var stored = await StoredFollowUpV1Async(host);
        Assert.DoesNotContain("\"meaning\"", stored.Source);
        Assert.Contains("\"-15wd\"", stored.Source);
    }

    private static string WithoutMeanings(string text) => MeaningLine().Replace(text, "");

    [GeneratedRegex("\\n\\s*\"meaning\": \"[a-z-]+\",")]
    private static partial Regex MeaningLine();

    private static async Task<StoredDefinition> StoredFollowUpV1Async(CoreHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Definitions.AsNoTracking()
            .SingleAsync(d => d.WorkflowId == "recommendation-followup" && d.Version == 1);
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
