namespace MissionFlow.Web.Tests.Auth;

public sealed class SsoSettingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData("http://sso.tinh.gov.vn/", "missionflow", "MissionFlow:Sso:Authority 'http://sso.tinh.gov.vn/' is not HTTPS (MissionFlow:Sso:RequireHttpsMetadata is true).")]
    [InlineData("sso.tinh.gov.vn", "missionflow", "MissionFlow:Sso:Authority 'sso.tinh.gov.vn' is not an absolute https:// address.")]
    [InlineData("https://sso.tinh.gov.vn/", "", "MissionFlow:Sso:ClientId must be set when MissionFlow:Sso:Authority is.")]
    public async Task An_unusable_single_sign_on_setting_stops_start_up_naming_it_and_writes_nothing(string authority, string clientId, string sentence)
    {
        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", _data,
            "--MissionFlow:Sso:Authority", authority, "--MissionFlow:Sso:ClientId", clientId);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"MissionFlow: {sentence} Nothing was started.", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }
}
