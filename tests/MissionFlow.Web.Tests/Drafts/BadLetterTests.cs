namespace MissionFlow.Web.Tests.Drafts;

/// <summary>A council edits its letter templates without a release; a mistake there stops the start naming the file and the problem.</summary>
public sealed class BadLetterTests : IDisposable
{
    private readonly string _letters = Directory.CreateTempSubdirectory("missionflow-letters-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public BadLetterTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "letters")))
            File.Copy(file, Path.Combine(_letters, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        Directory.Delete(_letters, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_unknown_placeholder_and_a_missing_template_stop_the_start_naming_each_file_and_write_nothing()
    {
        var reminder = Path.Combine(_letters, "reminder-letter.json");
        await File.WriteAllTextAsync(reminder, (await File.ReadAllTextAsync(reminder)).Replace("{missionTitle}", "{missonTitle}"));
        File.Delete(Path.Combine(_letters, "referral.json"));

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:LettersDirectory", _letters, "--MissionFlow:DataDirectory", _data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("reminder-letter.json: $.paragraphs[0]: unknown placeholder {missonTitle}", result.Errors);
        Assert.Contains("referral.json: missing from", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task A_template_that_is_not_json_stops_the_start_naming_its_line()
    {
        var notice = Path.Combine(_letters, "conclusion-notice.json");
        await File.WriteAllTextAsync(notice, (await File.ReadAllTextAsync(notice)).Replace("\"symbol\": \"TB-HĐND\",", "\"symbol\": \"TB-HĐND\""));

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:LettersDirectory", _letters, "--MissionFlow:DataDirectory", _data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"conclusion-notice\.json:\d+: ", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }
}
