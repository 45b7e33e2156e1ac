using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Definitions;

/// <summary>
/// The hash an instance is pinned to: it follows the meaning of a file, not its layout, and a version read back
/// from storage hashes the same as when it was loaded.
/// </summary>
public sealed class DefinitionHashTests
{
    private static WorkflowDefinition LoadOne(string text)
    {
        var result = JsonText.Load(("w.json", text));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return Assert.Single(result.Definitions);
    }

    private static readonly string Original = JsonText.SmallWorkflow;

    [Fact]
    public void Hash_is_64_lowercase_hex_characters()
    {
        Assert.Matches("^[0-9a-f]{64}$", LoadOne(Original).Hash);
    }

    [Fact]
    public void Same_text_gives_same_hash()
    {
        Assert.Equal(LoadOne(Original).Hash, LoadOne(Original).Hash);
    }

    [Fact]
    public void Reindenting_keeps_the_hash()
    {
        var reindented = string.Join("\r\n", Original.Split('\n').Select(line => "\t" + line.Replace("  ", "    ")));
        Assert.NotEqual(Original, reindented);

        Assert.Equal(LoadOne(Original).Hash, LoadOne(reindented).Hash);
    }

    [Fact]
    public void Writing_the_file_on_one_line_keeps_the_hash()
    {
        var oneLine = JsonNode.Parse(Original)!.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        Assert.DoesNotContain('\n', oneLine);

        Assert.Equal(LoadOne(Original).Hash, LoadOne(oneLine).Hash);
    }

    [Fact]
    public void Comments_do_not_change_the_hash()
    {
        var (commented, _) = JsonText.Edit(Original, "\"version\": 1,", "\"version\": 1, // raise on every change");

        Assert.Equal(LoadOne(Original).Hash, LoadOne(commented).Hash);
    }

    [Theory]
    [InlineData("\"offset\": \"-3wd\"", "\"offset\": \"-4wd\"")]
    [InlineData("\"en\": \"Small workflow\"", "\"en\": \"Small workflows\"")]
    [InlineData("\"vi\": \"Xong\"", "\"vi\": \"Hoàn thành\"")]
    [InlineData("\"version\": 1", "\"version\": 2")]
    public void Changing_a_value_changes_the_hash(string old, string replacement)
    {
        var (changed, _) = JsonText.Edit(Original, old, replacement);

        Assert.NotEqual(LoadOne(Original).Hash, LoadOne(changed).Hash);
    }

    [Fact]
    public void ParseStored_gives_the_loaded_hash_for_the_fixture()
    {
        var loaded = LoadOne(Original);

        var stored = DefinitionLoader.ParseStored(loaded.Source);

        Assert.Equal(loaded.Hash, stored.Hash);
        Assert.Equal(loaded.Source, stored.Source);
        Assert.Equal(loaded.Id, stored.Id);
        Assert.Equal(loaded.Version, stored.Version);
        Assert.Equal(loaded.States, stored.States);
        Assert.Equal(loaded.TimerList.Select(t => (t.Id, t.Offset, t.Level)), stored.TimerList.Select(t => (t.Id, t.Offset, t.Level)));
    }

    [Fact]
    public void ParseStored_gives_the_loaded_hash_for_each_shipped_workflow()
    {
        var loaded = ShippedWorkflows.Load();
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));

        Assert.All(loaded.Definitions, d =>
        {
            var stored = DefinitionLoader.ParseStored(d.Source);
            Assert.Equal(d.Hash, stored.Hash);
            Assert.Equal(d.Transitions.Select(t => t.Trigger), stored.Transitions.Select(t => t.Trigger));
        });
    }

    [Fact]
    public void ParseStored_reads_back_a_file_that_has_comments()
    {
        var (commented, _) = JsonText.Edit(Original, "\"version\": 1,", "\"version\": 1, // raise on every change");
        var loaded = LoadOne(commented);

        var stored = DefinitionLoader.ParseStored(loaded.Source);

        Assert.Equal(loaded.Hash, stored.Hash);
        Assert.Equal(commented, stored.Source);
    }
}
