namespace MissionFlow.Web.Tests.Drafts;

/// <summary>A council edits its letter templates without a release; a mistake there stops the start naming the file and the problem.</summary>
public sealed class BadLetterTests : IDisposable
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("missionflow-workflows-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public BadLetterTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "workflows");
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_workflows, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Directory.Delete(_workflows, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_unknown_placeholder_and_a_missing_template_stop_the_start_naming_each_file_and_write_nothing()
    {
        var reminder = Path.Combine(_workflows, "letters", "reminder-letter.json");
        await File.WriteAllTextAsync(reminder, (await File.ReadAllTextAsync(reminder)).Replace("{missionTitle}", "{missonTitle}"));
        File.Delete(Path.Combine(_workflows, "letters", "referral.json"));

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:WorkflowsDirectory", _workflows, "--MissionFlow:DataDirectory", _data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("reminder-letter.json: $.paragraphs[0]: unknown placeholder {missonTitle}", result.Errors);
        Assert.Contains("referral.json: missing from", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task A_template_that_is_not_json_stops_the_start_naming_its_line()
    {
        var notice = Path.Combine(_workflows, "letters", "conclusion-notice.json");
        await File.WriteAllTextAsync(notice, (await File.ReadAllTextAsync(notice)).Replace("\"symbol\": \"TB-HĐND\",", "\"symbol\": \"TB-HĐND\""));

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:WorkflowsDirectory", _workflows, "--MissionFlow:DataDirectory", _data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"conclusion-notice\.json:\d+: ", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }
}
