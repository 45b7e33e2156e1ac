namespace MissionFlow.Web.Tests.Hosting;

public sealed class BadWorkflowTests : IDisposable
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("missionflow-workflows-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public BadWorkflowTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows")))
            File.Copy(file, Path.Combine(_workflows, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        Directory.Delete(_workflows, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_unknown_target_state_stops_start_up_naming_file_path_and_line_and_writes_nothing()
    {
        var file = Path.Combine(_workflows, "supervision-mission.v1.json");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("\"to\": \"plan-approved\"", "\"to\": \"plan-aproved\""));
        var line = text[..text.IndexOf("\"to\": \"plan-approved\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:WorkflowsDirectory", _workflows, "--MissionFlow:DataDirectory", _data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"supervision-mission.v1.json:{line}: $.transitions[0].to: Target state 'plan-aproved'", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task The_validate_command_checks_a_folder_without_starting_the_server()
    {
        var good = await WebProcess.RunAsync("validate", _workflows);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("ok  recommendation-followup v1", good.Output);
        Assert.Contains("ok  supervision-mission v1", good.Output);

        var file = Path.Combine(_workflows, "recommendation-followup.v1.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"offset\": \"-7wd\"", "\"offset\": \"-7 days\""));
        var bad = await WebProcess.RunAsync("validate", _workflows);
        Assert.Equal(1, bad.ExitCode);
        Assert.Matches(@"recommendation-followup\.v1\.json:\d+: \$\.timers\[1\]\.offset: Bad duration '-7 days'", bad.Errors);
    }

    [Fact]
    public async Task A_published_file_changed_without_a_new_version_stops_start_up_and_keeps_what_was_published()
    {
        await using var running = new MissionFlowApp();
        running.CreateClient(); // starts the host: migrates and publishes version 1 into its data folder

        var file = Path.Combine(_workflows, "recommendation-followup.v1.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"offset\": \"-15wd\"", "\"offset\": \"-20wd\""));
        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:WorkflowsDirectory", _workflows,
            "--MissionFlow:DataDirectory", running.DataDirectory, "--MissionFlow:Reminders:Jobs:Server", "false");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("recommendation-followup.v1.json:1: $.version: workflow 'recommendation-followup' version 1 was published", result.Errors);
        Assert.Contains("bump \"version\"", result.Errors);
        var admin = await running.SignInAsync(Demo.Admin);
        var stored = await admin.GetStringAsync("/api/workflows/recommendation-followup/1");
        Assert.Contains("-15wd", stored);
    }
}
