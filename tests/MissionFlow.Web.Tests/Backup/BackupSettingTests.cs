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
}
