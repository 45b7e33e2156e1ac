namespace MissionFlow.Web.Tests.Hosting;

public sealed class BadCalendarTests : IDisposable
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("missionflow-workflows-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;
    private readonly string _calendars;

    public BadCalendarTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows")))
            File.Copy(file, Path.Combine(_workflows, Path.GetFileName(file)));
        _calendars = Directory.CreateDirectory(Path.Combine(_workflows, "calendars")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "calendars")))
            File.Copy(file, Path.Combine(_calendars, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        Directory.Delete(_workflows, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Puts the 2026 National Day swap's make-up Saturday on a Friday, and returns the line it is on.</summary>
    private async Task<int> BreakAsync()
    {
        var file = Path.Combine(_calendars, "vn-2026.json");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("\"2026-08-22\"", "\"2026-08-21\"", StringComparison.Ordinal));
        return text[..text.IndexOf("\"2026-08-22\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }

    [Fact]
    public async Task A_bad_announcement_stops_start_up_naming_file_line_and_path_and_writes_nothing()
    {
        var line = await BreakAsync();

        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:Calendar:CalendarsDirectory", _calendars,
            "--MissionFlow:DataDirectory", _data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"vn-2026.json:{line}: $.extraWorkingDays[1].date: 2026-08-21 is a Friday: a make-up working day is a Saturday or Sunday.", result.Errors);
        Assert.Contains("Nothing was started.", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task The_validate_command_checks_the_calendars_beside_the_definitions()
    {
        var good = await WebProcess.RunAsync("validate", _workflows);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("ok  calendar 2026", good.Output);

        var line = await BreakAsync();
        var bad = await WebProcess.RunAsync("validate", _workflows);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($"vn-2026.json:{line}: $.extraWorkingDays[1].date", bad.Errors);
    }
}
