using MissionFlow.Engine.Tests.Support;

namespace MissionFlow.Engine.Tests.Definitions;

/// <summary>A broken ladder in the shipped v3 file is refused at load, naming the file, JSON path and line.</summary>
public sealed class LadderRulesTests
{
    private const string File = "recommendation-followup.v3.json";
    private static readonly string Valid = System.IO.File.ReadAllText(Path.Combine(RepoFolder.Workflows, File));

    private static (string JsonPath, int Line, string Message) SingleError(string text)
    {
        var result = JsonText.Load((File, text));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(File, error.File);
        return (error.JsonPath, error.Line, error.Message);
    }

    [Fact]
    public void The_shipped_v3_loads()
    {
        var result = JsonText.Load((File, Valid));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void A_letter_to_an_unknown_recipient()
    {
        var (text, line) = JsonText.Edit(Valid, "\"letterTo\": \"superior-body\"", "\"letterTo\": \"ubnd\"");

        var (path, at, message) = SingleError(text);

        Assert.Equal(("$.ladder.rungs[2].letterTo", line), (path, at));
        Assert.Contains("'ubnd'", message);
    }

    [Fact]
    public void A_rung_reminding_an_unknown_recipient()
    {
        var (text, line) = JsonText.Edit(Valid, "\"remind\": [\"council-office\"]", "\"remind\": [\"office\"]", after: "\"id\": \"interpellation\"");

        var (path, at, _) = SingleError(text);

        Assert.Equal(("$.ladder.rungs[5].remind[0]", line), (path, at));
    }

    [Fact]
    public void A_bad_delay()
    {
        var (text, line) = JsonText.Edit(Valid, "\"offset\": \"+10wd\"", "\"offset\": \"ten days\"", after: "\"id\": \"referral\"");

        var (path, at, message) = SingleError(text);

        Assert.Equal(("$.ladder.rungs[2].offset", line), (path, at));
        Assert.Contains("'ten days'", message);
    }

    [Fact]
    public void A_complex_delay_after_a_rung_that_cannot_be_complex()
    {
        var (text, line) = JsonText.Edit(Valid, "\"mayBeComplex\": true, ", "");

        var (path, at, _) = SingleError(text);

        Assert.Equal(("$.ladder.rungs[4].complexOffset", line + 1), (path, at));
    }

    [Fact]
    public void A_letter_without_its_mail_template()
    {
        var (text, line) = JsonText.Edit(Valid, "\"template\": \"letter-referral\"", "\"template\": \"letter-refferal\"");

        var (path, at, message) = SingleError(text);

        Assert.Equal(("$.ladder.rungs[2].template", line), (path, at));
        Assert.Contains("'letter-refferal'", message);
    }

    [Fact]
    public void A_rung_the_schema_does_not_know_a_field_of()
    {
        var (text, line) = JsonText.Edit(Valid, "\"id\": \"council-report\",", "\"id\": \"council-report\", \"after\": \"deadline\",");

        Assert.Equal(line, SingleError(text).Line);
    }
}
