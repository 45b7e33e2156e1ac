using System.Text;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Definitions;

public sealed class JsonLineMapTests
{
    private const string Sample = """
        {
          "id": "x",
          "states": [
            { "id": "a" },
            {
              "id": "b",
              "tags": [
                "first",
                "second"
              ]
            }
          ],
          "grid": [[1, 2],
                   [3]],
          "assign": {
            "due":
              "input.newDue"
          }
        }
        """;

    private static JsonLineMap Map(string text) => JsonLineMap.Build(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.id", 2)]
    [InlineData("$.states", 3)]
    [InlineData("$.states[0]", 4)]
    [InlineData("$.states[0].id", 4)]
    [InlineData("$.states[1]", 5)]
    [InlineData("$.states[1].id", 6)]
    [InlineData("$.states[1].tags", 7)]
    [InlineData("$.states[1].tags[0]", 8)]
    [InlineData("$.states[1].tags[1]", 9)]
    [InlineData("$.grid[0][1]", 13)]
    [InlineData("$.grid[1]", 14)]
    [InlineData("$.grid[1][0]", 14)]
    [InlineData("$.assign.due", 16)]
    public void Each_path_maps_to_the_line_it_starts_on(string path, int line)
    {
        Assert.Equal(line, Map(Sample).LineOf(path));
    }

    [Theory]
    [InlineData("$.states[1].name", 5)]
    [InlineData("$.states[1].tags[7]", 7)]
    [InlineData("$.states[9].id", 3)]
    [InlineData("$.nothing.at.all", 1)]
    public void Missing_path_falls_back_to_its_nearest_ancestor(string path, int line)
    {
        Assert.Equal(line, Map(Sample).LineOf(path));
    }

    [Fact]
    public void Windows_line_endings_count_the_same()
    {
        Assert.Equal(9, Map(Sample.Replace("\n", "\r\n")).LineOf("$.states[1].tags[1]"));
    }

    [Fact]
    public void Comments_are_skipped_but_their_lines_counted()
    {
        const string text = "{\n  // the id\n  /* a\n     block */\n  \"id\": \"x\"\n}";

        Assert.Equal(5, Map(text).LineOf("$.id"));
    }

    [Fact]
    public void Malformed_text_keeps_the_lines_read_before_the_error()
    {
        const string text = "{\n  \"id\": \"x\",\n  \"version\": 1\n  \"name\": oops\n}";

        var map = Map(text);

        Assert.Equal(2, map.LineOf("$.id"));
        Assert.Equal(3, map.LineOf("$.version"));
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("/", "$")]
    [InlineData("/version", "$.version")]
    [InlineData("/transitions/2/to", "$.transitions[2].to")]
    [InlineData("/states/0/name/vi", "$.states[0].name.vi")]
    [InlineData("/assign/a~1b", "$.assign.a/b")]
    [InlineData("/assign/a~0b", "$.assign.a~b")]
    public void FromPointer_turns_a_json_pointer_into_a_json_path(string pointer, string path)
    {
        Assert.Equal(path, JsonLineMap.FromPointer(pointer));
    }
}
