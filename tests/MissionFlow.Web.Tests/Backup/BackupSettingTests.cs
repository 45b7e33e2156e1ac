namespace MissionFlow.Web.Tests.Backup;

public sealed class BackupSettingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:0")]
    [InlineData("backup")]
    public async Task Keeping_no_backup_stops_start_up_and_the_command_naming_the_setting(params string[] start)
    {
        var result = await WebProcess.RunAsync([.. start, "--MissionFlow:DataDirectory", _data, "--MissionFlow:Backup:Keep", "0"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissionFlow: MissionFlow:Backup:Keep must be 1 or more (it is 0).", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }

    [Fact]
    public async Task A_malformed_backup_schedule_stops_start_up_naming_the_setting_and_its_value()
    {
        var result = await WebProcess.RunAsync(["--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", _data, "--MissionFlow:Backup:Cron", "30 25 * * *"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissionFlow: MissionFlow:Backup:Cron '30 25 * * *' is not a cron expression", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.Empty(Directory.EnumerateFiles(_data, "*.db"));
    }
}
