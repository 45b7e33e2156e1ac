namespace MissionFlow.Web.Tests.Hosting;

public sealed class BadSettingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("missionflow-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_mistyped_certificate_pin_stops_start_up_naming_the_setting_and_writes_nothing()
    {
        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", _data,
            "--MissionFlow:Reminders:Mail:Smtp:Host", "relay.hdnd.test",
            "--MissionFlow:Reminders:Mail:Smtp:TrustedCertificateSha256", "3B:7E:0F:5A");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissionFlow: MissionFlow:Reminders:Mail:Smtp:TrustedCertificateSha256 must be the SHA-256", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors); // a sentence, not a stack trace
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task An_unknown_SMTP_security_mode_stops_start_up_listing_the_modes()
    {
        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", _data,
            "--MissionFlow:Reminders:Mail:Smtp:Host", "relay.hdnd.test", "--MissionFlow:Reminders:Mail:Smtp:Security", "TLS");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissionFlow:Reminders:Mail:Smtp:Security 'TLS' is not one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.", result.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_start_up_saying_which_setting_is_missing()
    {
        var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", _data,
            "--MissionFlow:Database:Provider", "PostgreSql");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissionFlow: MissionFlow:Database:ConnectionString is required for PostgreSql.", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }
}
