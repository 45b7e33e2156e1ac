using System.Text.Json;
using System.Text.Json.Nodes;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Definitions;

/// <summary>
/// "meaning" beside a trigger: from a closed set, one per trigger, asked of the definition by the read models, and
/// left out of the hash so annotating a published version does not make it another version.
/// </summary>
public sealed class TriggerMeaningTests
{
    private static WorkflowDefinition LoadOne(string text)
    {
        var result = JsonText.Load(("w.json", text));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return Assert.Single(result.Definitions);
    }

    private static string WithMeaning(string trigger, string meaning) =>
        JsonText.Edit(JsonText.SmallWorkflow, $"\"trigger\": \"{trigger}\",", $"\"trigger\": \"{trigger}\", \"meaning\": \"{meaning}\",").Text;

    [Fact]
    public void An_unknown_meaning_is_refused_with_file_path_and_line()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"trigger\": \"postpone\",", "\"trigger\": \"postpone\", \"meaning\": \"postpone-deadline\",");

        var result = JsonText.Load(("w.json", text));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("w.json", error.File);
        Assert.Equal("$.transitions[1].meaning", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Two_transitions_of_one_trigger_with_different_meanings_are_refused()
    {
        var twoFinishes = JsonText.Edit(JsonText.SmallWorkflow, "\"trigger\": \"start-work\",", "\"trigger\": \"finish\", \"meaning\": \"verify\",").Text;
        var (text, line) = JsonText.Edit(twoFinishes, "\"trigger\": \"finish\",\n", "\"trigger\": \"finish\", \"meaning\": \"end-follow-up\",\n");

        var error = Assert.Single(JsonText.Load(("w.json", text)).Errors);

        Assert.Equal("$.transitions[2].meaning", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'end-follow-up'", error.Message);
        Assert.Contains("'verify'", error.Message);
    }

    [Fact]
    public void The_definition_answers_which_triggers_carry_a_meaning()
    {
        var definition = LoadOne(WithMeaning("postpone", "request-extension"));

        Assert.Equal(["postpone"], definition.TriggersMeaning(TriggerMeaning.RequestExtension));
        Assert.Empty(definition.TriggersMeaning(TriggerMeaning.GrantExtension));
        Assert.Equal(TriggerMeaning.RequestExtension, definition.MeaningOf("postpone"));
        Assert.Null(definition.MeaningOf("finish"));
        Assert.Null(definition.MeaningOf("no-such-trigger"));
    }

    [Fact]
    public void A_meaning_does_not_change_the_hash_and_a_stored_version_keeps_it()
    {
        var plain = LoadOne(JsonText.SmallWorkflow);
        var annotated = LoadOne(WithMeaning("finish", "verify"));

        Assert.Equal(plain.Hash, annotated.Hash);
        Assert.Equal(TriggerMeaning.Verify, DefinitionLoader.ParseStored(annotated.Source).MeaningOf("finish"));
    }

    [Fact]
    public void The_schema_lists_exactly_the_meanings_the_engine_knows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoFolder.Workflows, "workflow.schema.json")))!;
        var listed = schema["properties"]!["transitions"]!["items"]!["properties"]!["meaning"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(Enum.GetNames<TriggerMeaning>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName).Order(), listed.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_shipped_follow_up_version_says_which_triggers_read_models_follow(int version)
    {
        var definition = ShippedWorkflows.FollowUpVersion(version);
        var law121 = version >= 3;

        Assert.All(Enum.GetValues<TriggerMeaning>().Where(m => law121 || m != TriggerMeaning.EndFollowUp),
            meaning => Assert.Single(definition.TriggersMeaning(meaning)));
    }
}
