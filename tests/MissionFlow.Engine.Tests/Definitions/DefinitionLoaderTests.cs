using System.Text;
using System.Text.RegularExpressions;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Definitions;

/// <summary>Loading files and folders: the shipped workflows, JSON syntax, the schema, and the all-or-nothing rule.</summary>
public sealed class DefinitionLoaderTests
{
    private static readonly DefinitionLoader Loader = new(Vocabulary.MissionFlow);

    [Fact]
    public void Shipped_workflows_folder_loads_v1_for_Law_87_2015_and_the_later_versions_for_Law_121_2025()
    {
        var result = Loader.LoadFolder(RepoFolder.Workflows);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(
            ["recommendation-followup 1 law-87-2015", "recommendation-followup 2 law-121-2025", "recommendation-followup 3 law-121-2025", "supervision-mission 1 law-87-2015", "supervision-mission 2 law-121-2025"],
            result.Definitions.Select(d => $"{d.Id} {d.Version} {d.Regime}").Order());
        Assert.All(result.Definitions, d =>
        {
            Assert.Matches(new Regex("^[0-9a-f]{64}$"), d.Hash);
            Assert.False(string.IsNullOrWhiteSpace(d.Source));
        });
        Assert.Equal(result.Definitions.Count, result.Definitions.Select(d => d.Hash).Distinct().Count());
    }

    [Fact]
    public void Shipped_definitions_keep_their_file_text_as_source()
    {
        foreach (var definition in ShippedWorkflows.Load().Definitions)
        {
            var text = File.ReadAllText(Path.Combine(RepoFolder.Workflows, $"{definition.Id}.v{definition.Version}.json"));
            Assert.Equal(text, definition.Source);
        }
    }

    [Fact]
    public void Schema_file_in_the_folder_is_skipped()
    {
        // The shipped folder holds workflow.schema.json; were it read as a workflow it would fail the schema.
        Assert.True(File.Exists(Path.Combine(RepoFolder.Workflows, "workflow.schema.json")));
        using var folder = new TempFolder();
        File.Copy(Path.Combine(RepoFolder.Workflows, "workflow.schema.json"), Path.Combine(folder.Path, "workflow.schema.json"));
        folder.Write("small-workflow.json", JsonText.SmallWorkflow);

        var result = Loader.LoadFolder(folder.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("small-workflow", Assert.Single(result.Definitions).Id);
    }

    [Fact]
    public void Only_json_files_of_a_folder_are_read()
    {
        using var folder = new TempFolder();
        folder.Write("small-workflow.json", JsonText.SmallWorkflow);
        folder.Write("notes.txt", "{ not json at all");
        folder.Write("small-workflow.json.bak", "{ not json either");

        var result = Loader.LoadFolder(folder.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Single(result.Definitions);
    }

    [Fact]
    public void Missing_folder_is_an_error_not_an_empty_success()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "no-such-folder");

        var result = Loader.LoadFolder(missing);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Definitions);
        Assert.Equal(missing, Assert.Single(result.Errors).File);
    }

    [Fact]
    public void Folder_with_one_good_and_one_bad_file_loads_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("a-good.json", JsonText.SmallWorkflow);
        var (bad, line) = JsonText.Edit(JsonText.SmallWorkflow.Replace("small-workflow", "other-workflow"), "\"to\": \"working\"", "\"to\": \"nowhere\"", after: "\"trigger\": \"start-work\"");
        var badFile = folder.Write("b-bad.json", bad);

        var result = Loader.LoadFolder(folder.Path);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(badFile, error.File);
        Assert.Equal("$.transitions[0].to", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void LoadMany_with_one_good_and_one_bad_file_loads_nothing()
    {
        var bad = JsonText.SmallWorkflow.Replace("small-workflow", "other-workflow").Replace("\"version\": 1", "\"version\": 0");

        var result = JsonText.Load(("good.json", JsonText.SmallWorkflow), ("bad.json", bad));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Definitions);
        Assert.All(result.Errors, e => Assert.Equal("bad.json", e.File));
    }

    [Fact]
    public void Errors_of_every_bad_file_are_reported_together()
    {
        var unknownRole = JsonText.SmallWorkflow.Replace("small-workflow", "one").Replace("[\"committee\"]", "[\"mayor\"]");
        var noFinal = JsonText.SmallWorkflow.Replace("small-workflow", "two").Replace(", \"final\": true", "");

        var result = JsonText.Load(("one.json", unknownRole), ("two.json", noFinal));

        Assert.Empty(result.Definitions);
        Assert.Contains(result.Errors, e => e.File == "one.json" && e.JsonPath == "$.transitions[2].roles[0]");
        Assert.Contains(result.Errors, e => e.File == "two.json" && e.JsonPath == "$.states");
    }

    [Fact]
    public void Same_id_and_version_in_two_files_is_reported_on_the_second_file()
    {
        using var folder = new TempFolder();
        folder.Write("a.json", JsonText.SmallWorkflow);
        // Two blank lines on top, so the reported line tells the files apart.
        var second = "\n\n" + JsonText.SmallWorkflow;
        var secondFile = folder.Write("b.json", second);

        var result = Loader.LoadFolder(folder.Path);

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(secondFile, error.File);
        Assert.Equal("$.version", error.JsonPath);
        Assert.Equal(JsonText.LineOf(second, "\"version\""), error.Line);
        Assert.Equal(6, error.Line);
        Assert.Contains("small-workflow", error.Message);
    }

    [Fact]
    public void Same_id_at_two_versions_loads_both()
    {
        var v2 = JsonText.SmallWorkflow.Replace("\"version\": 1", "\"version\": 2");

        var result = JsonText.Load(("v1.json", JsonText.SmallWorkflow), ("v2.json", v2));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal([1, 2], result.Definitions.Select(d => d.Version).Order());
    }

    [Fact]
    public void Spawn_of_a_workflow_not_in_the_folder_is_an_error()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"requires\"",
            "\"spawn\": { \"workflow\": \"ghost-workflow\", \"per\": \"recommendation\" },\n      \"requires\"", after: "\"trigger\": \"finish\"");

        var result = JsonText.Load(("small.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("small.json", error.File);
        Assert.Equal("$.transitions[2].spawn.workflow", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("ghost-workflow", error.Message);
    }

    [Fact]
    public void Spawn_of_a_workflow_in_another_file_of_the_folder_loads()
    {
        var (text, _) = JsonText.Edit(JsonText.SmallWorkflow, "\"requires\"",
            "\"spawn\": { \"workflow\": \"child-workflow\", \"per\": \"recommendation\" },\n      \"requires\"", after: "\"trigger\": \"finish\"");
        var child = JsonText.SmallWorkflow.Replace("small-workflow", "child-workflow");

        var result = JsonText.Load(("parent.json", text), ("child.json", child));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var parent = result.Definitions.Single(d => d.Id == "small-workflow");
        Assert.Equal(new SpawnDefinition("child-workflow", "recommendation"), parent.Transitions[2].Spawn);
    }

    [Fact]
    public void Shipped_mission_alone_fails_because_the_workflow_it_spawns_is_missing()
    {
        var path = Path.Combine(RepoFolder.Workflows, "supervision-mission.v1.json");
        var text = File.ReadAllText(path);

        var result = JsonText.Load(("supervision-mission.v1.json", text));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.transitions[4].spawn.workflow", error.JsonPath);
        Assert.Equal(JsonText.LineOf(text, "\"spawn\": { \"workflow\": \"recommendation-followup\""), error.Line);
    }

    [Fact]
    public void Malformed_json_reports_the_line_where_the_syntax_breaks()
    {
        // The comma after "version" is gone: the parser stumbles on the next line.
        var (text, _) = JsonText.Edit(JsonText.SmallWorkflow, "\"version\": 1,", "\"version\": 1");

        var result = JsonText.Load(("broken.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("broken.json", error.File);
        Assert.Equal(JsonText.LineOf(text, "\"name\": { \"vi\": \"Quy"), error.Line);
        Assert.Equal(5, error.Line);
        Assert.Contains("JSON", error.Message);
    }

    [Fact]
    public void Malformed_json_deep_in_the_file_reports_that_line()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"type\": \"text\" }", "\"type\": \"text\" ]", after: "\"name\": \"comment\"");

        var result = JsonText.Load(("broken.json", text));

        Assert.Equal(line, Assert.Single(result.Errors).Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    public void Empty_file_is_an_error_on_line_1(string text)
    {
        var result = JsonText.Load(("empty.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("empty.json", error.File);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Schema_missing_required_id_is_reported_on_the_root_object()
    {
        var (text, _) = JsonText.Edit(JsonText.SmallWorkflow, "  \"id\": \"small-workflow\",\n", "");

        var result = JsonText.Load(("no-id.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("no-id.json", error.File);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(1, error.Line);
        Assert.Contains("\"id\"", error.Message);
    }

    [Fact]
    public void Schema_wrong_type_for_version_is_reported_on_its_line()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"version\": 1", "\"version\": \"1\"");

        var result = JsonText.Load(("version.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.version", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Schema_unknown_top_level_property_is_reported_on_its_line()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "  \"initialState\"", "  \"colour\": \"red\",\n  \"initialState\"");

        var result = JsonText.Load(("colour.json", text));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.colour", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Schema_unknown_property_inside_a_timer_is_reported_on_the_timer_line()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"anchor\": \"due\"", "\"anchr\": \"due\"", after: "\"id\": \"due-escalation\"");

        var result = JsonText.Load(("timer.json", text));

        Assert.Empty(result.Definitions);
        Assert.Contains(result.Errors, e => e.JsonPath == "$.timers[1].anchr" && e.Line == line);
        Assert.All(result.Errors, e => Assert.Equal(line, e.Line));
    }

    [Fact]
    public void Schema_error_in_a_file_full_of_assignments_reports_only_itself()
    {
        // Each assign value matches one branch of a oneOf and fails the other; a passing oneOf is no error.
        var shipped = File.ReadAllText(Path.Combine(RepoFolder.Workflows, "recommendation-followup.v1.json"));
        var (text, line) = JsonText.Edit(shipped, "\"regime\": \"law-87-2015\"", "\"regime\": \"law-2015\"");

        var result = JsonText.Load(("recommendation-followup.v1.json", text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.regime", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Schema_bad_assign_source_points_at_the_assignment()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"due\": \"input.newDue\"", "\"due\": \"inputs.newDue\"");

        var result = JsonText.Load(("assign.json", text));

        Assert.Empty(result.Definitions);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("$.transitions[1].assign.due", e.JsonPath);
            Assert.Equal(line, e.Line);
        });
    }

    [Theory]
    [InlineData("\"scope\": \"agency\"", "\"scope\": \"everyone\"", "$.transitions[0].scope")]
    [InlineData("\"id\": \"open\", \"name\"", "\"id\": \"Open Case\", \"name\"", "$.states[0].id")]
    [InlineData("\"kind\": \"reminder\"", "\"kind\": \"nag\"", "$.timers[0].kind")]
    public void Schema_bad_values_point_at_their_property(string old, string replacement, string jsonPath)
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, old, replacement);

        var result = JsonText.Load(("bad.json", text));

        Assert.Empty(result.Definitions);
        Assert.Contains(result.Errors, e => e.JsonPath == jsonPath && e.Line == line);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(JsonText.SmallWorkflow)).ToArray();

        var result = Loader.LoadMany([("bom.json", bytes)]);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var definition = Assert.Single(result.Definitions);
        Assert.Equal(JsonText.SmallWorkflow, definition.Source);
    }

    [Fact]
    public void Byte_order_mark_does_not_shift_reported_lines()
    {
        var (text, line) = JsonText.Edit(JsonText.SmallWorkflow, "\"to\": \"working\"", "\"to\": \"nowhere\"", after: "\"trigger\": \"start-work\"");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = Loader.LoadMany([("bom.json", bytes)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.transitions[0].to", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Comments_are_allowed_in_workflow_files()
    {
        var (text, _) = JsonText.Edit(JsonText.SmallWorkflow, "\"version\": 1,", "\"version\": 1, // bump on every change of meaning");

        var result = JsonText.Load(("commented.json", text));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(1, Assert.Single(result.Definitions).Version);
    }

    [Fact]
    public void Loaded_definition_carries_what_the_file_says()
    {
        var definition = Assert.Single(JsonText.Load(("small.json", JsonText.SmallWorkflow)).Definitions);

        Assert.Equal("small-workflow", definition.Id);
        Assert.Equal(new LocalizedText("Quy trình nhỏ", "Small workflow"), definition.Name);
        Assert.Equal("open", definition.InitialState);
        Assert.Equal(["open", "working", "done"], definition.States.Select(s => s.Id));
        Assert.True(definition.IsFinal("done"));
        Assert.False(definition.IsFinal("open"));
        Assert.Equal(TransitionScope.Agency, definition.Transitions[0].Scope);
        Assert.Equal(TransitionScope.Any, definition.Transitions[1].Scope);
        Assert.Equal(new InputDefinition("newDue", InputType.Date, Required: true, After: "due"), definition.Transitions[1].InputList[0]);
        Assert.Equal(new Requirement("conclusion-written", "reason"), Assert.Single(definition.Transitions[2].RequirementList));
        Assert.Equal(TimerKind.Escalation, definition.TimerList[1].Kind);
        Assert.Equal(1, definition.TimerList[1].Level);
        Assert.Equal(new DayOffset(5, WorkingDays: true), definition.TimerList[1].ParsedOffset);
        Assert.Equal("The task is due on {due}.", definition.FindTemplate("due-reminder")?.Body.In("en"));
        Assert.Equal("Việc đến hạn ngày {due}.", definition.FindTemplate("due-reminder")?.Body.In("vi-VN"));
    }
}
