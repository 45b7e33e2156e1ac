using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Definitions;

/// <summary>
/// The semantic rules the schema cannot express. Each test breaks the valid small-workflow fixture in one place
/// and expects one error naming the file, the JSON path and the line of the edit.
/// </summary>
public sealed class DefinitionRulesTests
{
    private const string File = "small-workflow.json";
    private static readonly string Valid = JsonText.SmallWorkflow;

    private static DefinitionError SingleError(string text)
    {
        var result = JsonText.Load((File, text));
        Assert.False(result.Succeeded);
        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(File, error.File);
        return error;
    }

    [Fact]
    public void Fixture_is_valid()
    {
        var result = JsonText.Load((File, Valid));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Single(result.Definitions);
    }

    [Fact]
    public void Unknown_target_state()
    {
        var (text, line) = JsonText.Edit(Valid, "\"to\": \"working\"", "\"to\": \"nowhere\"", after: "\"trigger\": \"start-work\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[0].to", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Equal(16, error.Line);
        Assert.Contains("'nowhere'", error.Message);
    }

    [Fact]
    public void Unknown_source_state_in_a_later_position_of_from()
    {
        var (text, line) = JsonText.Edit(Valid, "[\"open\", \"working\"]", "[\"open\", \"wroking\"]", after: "\"trigger\": \"postpone\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].from[1]", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'wroking'", error.Message);
    }

    [Fact]
    public void Unknown_initial_state()
    {
        var (text, line) = JsonText.Edit(Valid, "\"initialState\": \"open\"", "\"initialState\": \"opened\"");

        var result = JsonText.Load((File, text));

        Assert.Empty(result.Definitions);
        Assert.Contains(result.Errors, e => e.JsonPath == "$.initialState" && e.Line == line && e.File == File);
    }

    [Fact]
    public void Unreachable_state_points_at_the_state()
    {
        var (text, line) = JsonText.Edit(Valid, "{ \"id\": \"done\"",
            "{ \"id\": \"limbo\", \"name\": { \"vi\": \"Treo\", \"en\": \"Limbo\" } },\n    { \"id\": \"done\"");

        var error = SingleError(text);

        Assert.Equal("$.states[2]", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'limbo'", error.Message);
    }

    [Fact]
    public void State_reachable_only_from_an_unreachable_state_is_unreachable_too()
    {
        var (withStates, _) = JsonText.Edit(Valid, "{ \"id\": \"done\"",
            "{ \"id\": \"limbo\", \"name\": { \"vi\": \"Treo\", \"en\": \"Limbo\" } },\n    { \"id\": \"deeper\", \"name\": { \"vi\": \"Sâu\", \"en\": \"Deeper\" } },\n    { \"id\": \"done\"");
        var (text, _) = JsonText.Edit(withStates, "\n  ],\n  \"timers\"",
            ",\n    { \"trigger\": \"sink\", \"from\": [\"limbo\"], \"to\": \"deeper\", \"roles\": [\"committee\"] }\n  ],\n  \"timers\"");

        var result = JsonText.Load((File, text));

        Assert.Empty(result.Definitions);
        Assert.Equal(["$.states[2]", "$.states[3]"], result.Errors.Select(e => e.JsonPath).Order());
        Assert.Equal(JsonText.LineOf(text, "\"id\": \"deeper\""), result.Errors.Single(e => e.JsonPath == "$.states[3]").Line);
    }

    [Fact]
    public void No_final_state_points_at_the_states_array()
    {
        var (text, _) = JsonText.Edit(Valid, ", \"final\": true", "");

        var error = SingleError(text);

        Assert.Equal("$.states", error.JsonPath);
        Assert.Equal(JsonText.LineOf(text, "\"states\""), error.Line);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Duplicate_state_id_points_at_the_second_declaration()
    {
        var (text, line) = JsonText.Edit(Valid, "\"final\": true }",
            "\"final\": true },\n    { \"id\": \"open\", \"name\": { \"vi\": \"Mở lại\", \"en\": \"Open again\" } }");

        var error = SingleError(text);

        Assert.Equal("$.states[3].id", error.JsonPath);
        Assert.Equal(line + 1, error.Line);
        Assert.Equal(JsonText.LineOf(text, "Open again"), error.Line);
        Assert.Contains("'open'", error.Message);
    }

    [Fact]
    public void Same_trigger_twice_from_one_state()
    {
        var (text, line) = JsonText.Edit(Valid, "\"trigger\": \"postpone\"", "\"trigger\": \"start-work\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].from[0]", error.JsonPath);
        Assert.Equal(line + 1, error.Line);
    }

    /// <summary>
    /// The fixture with "finish" split by a choice: the first "finish" applies to <paramref name="firstWhen"/>,
    /// a second one (transitions[3]) from "working" to <paramref name="secondWhen"/>.
    /// </summary>
    private static string FinishSplitBy(string firstWhen, string secondWhen)
    {
        var (text, _) = JsonText.Edit(Valid, "\"inputs\": [{ \"name\": \"reason\", \"type\": \"text\" }],",
            $"\"when\": {firstWhen},\n      \"inputs\": [{{ \"name\": \"reason\", \"type\": \"text\" }}, {{ \"name\": \"outcome\", \"type\": \"choice\", \"values\": [\"ok\", \"late\"] }}],");
        return JsonText.Edit(text, "    }\n  ],\n  \"timers\"",
            "    },\n    {\n      \"trigger\": \"finish\",\n      \"from\": [\"working\"],\n      \"to\": \"open\",\n      \"roles\": [\"committee\"],\n"
            + $"      \"when\": {secondWhen},\n      \"inputs\": [{{ \"name\": \"outcome\", \"type\": \"choice\", \"values\": [\"ok\", \"late\"] }}]\n    }}\n  ],\n  \"timers\"").Text;
    }

    [Fact]
    public void One_trigger_from_one_state_may_lead_to_two_states_told_apart_by_when()
    {
        var result = JsonText.Load((File, FinishSplitBy("{ \"outcome\": [\"ok\"] }", "{ \"outcome\": [\"late\"] }")));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [InlineData("{ \"outcome\": [\"ok\"] }", "{ \"outcome\": [\"ok\", \"late\"] }")]
    [InlineData("{ \"outcome\": [\"ok\"] }", "{ \"reason\": [\"late\"] }")]
    public void Two_transitions_of_a_trigger_from_a_state_that_when_does_not_tell_apart(string firstWhen, string secondWhen)
    {
        var text = FinishSplitBy(firstWhen, secondWhen);

        var errors = JsonText.Load((File, text)).Errors;

        var error = Assert.Single(errors, e => e.JsonPath == "$.transitions[3].from[0]");
        Assert.Equal(File, error.File);
        Assert.Equal(JsonText.LineOf(text, "\"to\": \"open\"") - 1, error.Line);
        Assert.Contains("'when' does not tell the two apart", error.Message);
    }

    [Fact]
    public void When_naming_an_input_the_transition_does_not_declare()
    {
        var text = FinishSplitBy("{ \"outcome\": [\"ok\"] }", "{ \"outcome\": [\"late\"], \"verdict\": [\"late\"] }");

        var error = SingleError(text);

        Assert.Equal("$.transitions[3].when.verdict", error.JsonPath);
        Assert.Equal(JsonText.LineOf(text, "\"verdict\""), error.Line);
        Assert.Contains("'verdict'", error.Message);
    }

    [Fact]
    public void When_naming_a_value_not_in_the_choice_list()
    {
        var text = FinishSplitBy("{ \"outcome\": [\"ok\"] }", "{ \"outcome\": [\"late\", \"never\"] }");

        var error = SingleError(text);

        Assert.Equal("$.transitions[3].when.outcome[1]", error.JsonPath);
        Assert.Equal(JsonText.LineOf(text, "\"never\""), error.Line);
        Assert.Contains("'never'", error.Message);
    }

    [Fact]
    public void Unknown_role()
    {
        var (text, line) = JsonText.Edit(Valid, "[\"agency-officer\", \"agency-head\"]", "[\"agency-officer\", \"agency-boss\"]");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].roles[1]", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'agency-boss'", error.Message);
        Assert.Contains("agency-head", error.Message);
    }

    [Fact]
    public void Role_list_across_lines_reports_the_line_of_the_bad_role()
    {
        var (text, line) = JsonText.Edit(Valid, "[\"agency-officer\", \"agency-head\"]", "[\n        \"agency-officer\",\n        \"agency-boss\"\n      ]");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].roles[1]", error.JsonPath);
        Assert.Equal(line + 2, error.Line);
    }

    [Fact]
    public void Unknown_fact()
    {
        var (text, line) = JsonText.Edit(Valid, "\"fact\": \"conclusion-written\"", "\"fact\": \"conclusion-signed\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[2].requires[0].fact", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Unknown_template()
    {
        var (text, line) = JsonText.Edit(Valid, "\"template\": \"due-reminder\"", "\"template\": \"due-letter\"", after: "\"id\": \"due-escalation\"");

        var error = SingleError(text);

        Assert.Equal("$.timers[1].template", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'due-letter'", error.Message);
    }

    [Fact]
    public void Unknown_recipient()
    {
        var (text, line) = JsonText.Edit(Valid, "\"recipients\": [\"agency-head\"]", "\"recipients\": [\"mayor\"]");

        var error = SingleError(text);

        Assert.Equal("$.timers[1].recipients[0]", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("'mayor'", error.Message);
    }

    [Fact]
    public void Timer_active_in_an_unknown_state()
    {
        var (text, line) = JsonText.Edit(Valid, "\"activeIn\": [\"working\"]", "\"activeIn\": [\"waiting\"]");

        var error = SingleError(text);

        Assert.Equal("$.timers[1].activeIn[0]", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("-15 days")]
    [InlineData("15x")]
    [InlineData("-3 wd")]
    [InlineData("3")]
    [InlineData("1.5d")]
    [InlineData("")]
    public void Bad_duration_offset(string offset)
    {
        var (text, line) = JsonText.Edit(Valid, "\"offset\": \"-3wd\"", $"\"offset\": \"{offset}\"");

        var error = SingleError(text);

        Assert.Equal("$.timers[0].offset", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains($"'{offset}'", error.Message);
    }

    [Fact]
    public void Escalation_without_level_points_at_the_timer()
    {
        var (text, line) = JsonText.Edit(Valid, "\"level\": 1, ", "");

        var error = SingleError(text);

        Assert.Equal("$.timers[1].level", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Equal(JsonText.LineOf(text, "\"id\": \"due-escalation\""), error.Line);
    }

    [Fact]
    public void Duplicate_timer_id()
    {
        var (text, line) = JsonText.Edit(Valid, "\"id\": \"due-escalation\"", "\"id\": \"due-reminder\"");

        var error = SingleError(text);

        Assert.Equal("$.timers[1].id", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Assign_from_an_unknown_input()
    {
        var (text, line) = JsonText.Edit(Valid, "\"due\": \"input.newDue\"", "\"due\": \"input.newDate\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].assign.due", error.JsonPath);
        Assert.Equal(line, error.Line);
        Assert.Contains("input.newDate", error.Message);
    }

    [Fact]
    public void Assign_from_data_needs_no_input()
    {
        var (text, _) = JsonText.Edit(Valid, "\"due\": \"input.newDue\"", "\"due\": \"input.newDue\", \"previousDue\": \"data.due\", \"note\": null");

        var result = JsonText.Load((File, text));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Waiver_naming_an_unknown_input()
    {
        var (text, line) = JsonText.Edit(Valid, "\"unlessInput\": \"reason\"", "\"unlessInput\": \"excuse\"");

        var error = SingleError(text);

        Assert.Equal("$.transitions[2].requires[0].unlessInput", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Duplicate_input_name()
    {
        var (text, line) = JsonText.Edit(Valid, "{ \"name\": \"comment\", \"type\": \"text\" }", "{ \"name\": \"newDue\", \"type\": \"text\" }");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].inputs[1].name", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Choice_input_without_values()
    {
        var (text, line) = JsonText.Edit(Valid, "{ \"name\": \"comment\", \"type\": \"text\" }", "{ \"name\": \"grade\", \"type\": \"choice\" }");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].inputs[1].values", error.JsonPath);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Max_length_on_an_input_that_is_not_text()
    {
        var (text, line) = JsonText.Edit(Valid, "\"required\": true, \"after\": \"due\" }", "\"required\": true, \"after\": \"due\",\n          \"maxLength\": 10 }");

        var error = SingleError(text);

        Assert.Equal("$.transitions[1].inputs[0].maxLength", error.JsonPath);
        Assert.Equal(line + 1, error.Line);
        Assert.Contains("text inputs only", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-20")]
    [InlineData("100001")]
    [InlineData("\"4000\"")]
    public void Max_length_that_is_no_positive_whole_number_within_the_ceiling(string value)
    {
        var (text, line) = JsonText.Edit(Valid, "{ \"name\": \"comment\", \"type\": \"text\" }",
            $"{{ \"name\": \"comment\", \"type\": \"text\",\n          \"maxLength\": {value} }}");

        var result = JsonText.Load((File, text));

        Assert.Empty(result.Definitions);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.transitions[1].inputs[1].maxLength", error.JsonPath);
        Assert.Equal(line + 1, error.Line);
        Assert.StartsWith($"{File}:{line + 1}: $.transitions[1].inputs[1].maxLength: ", error.ToString());
    }

    [Fact]
    public void Max_length_on_a_text_input_is_accepted()
    {
        var (text, _) = JsonText.Edit(Valid, "{ \"name\": \"comment\", \"type\": \"text\" }", "{ \"name\": \"comment\", \"type\": \"text\", \"maxLength\": 500 }");

        var result = JsonText.Load((File, text));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(500, result.Definitions[0].Transitions[1].InputList[1].TextLimit);
    }

    [Fact]
    public void Several_mistakes_in_one_file_are_all_reported()
    {
        var (a, lineA) = JsonText.Edit(Valid, "\"to\": \"working\"", "\"to\": \"nowhere\"", after: "\"trigger\": \"start-work\"");
        var (b, lineB) = JsonText.Edit(a, "\"recipients\": [\"agency-head\"]", "\"recipients\": [\"mayor\"]");
        var (text, lineC) = JsonText.Edit(b, "\"offset\": \"-3wd\"", "\"offset\": \"-3 weeks\"");

        var result = JsonText.Load((File, text));

        Assert.Empty(result.Definitions);
        Assert.Equal(
            [("$.timers[0].offset", lineC), ("$.timers[1].recipients[0]", lineB), ("$.transitions[0].to", lineA)],
            result.Errors.Select(e => (e.JsonPath, e.Line)).Order());
    }
}
