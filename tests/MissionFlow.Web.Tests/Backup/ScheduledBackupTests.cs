using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Web.Backup;

namespace MissionFlow.Web.Tests.Backup;

/// <summary>The scheduled back-up job run by Hangfire: it keeps the newest archives, and on PostgreSQL it keeps the files and key ring.</summary>
/// <remarks>Hangfire's configuration is global to the process: this class runs its server with the others that do, one at a time.</remarks>
[Collection(Jobs.HangfireServerCollection.Name)]
public sealed class ScheduledBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("missionflow-scheduled-").FullName;
    private string Data => Path.Combine(_root, "data");
    private string Backups => Path.Combine(_root, "backups");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private MissionFlowApp App(Dictionary<string, string> settings) =>
        new(dataDirectory: Data) { JobsServer = true, Settings = new(settings) { ["MissionFlow:Backup:Folder"] = Backups } };

    /// <summary>Runs the recurring job now, as the dashboard's "Trigger now" does, and waits for its archive.</summary>
    private async Task<string> TriggerAsync(MissionFlowApp app)
    {
        var newest = Archives().LastOrDefault();
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(BackupJob.Id);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(100))
        {
            if (Archives().LastOrDefault() is { } archive && archive != newest)
                return archive;
            await Task.Delay(100);
        }
        throw new TimeoutException("The back-up job wrote no archive within a minute.");
    }

    private List<string> Archives() =>
        Directory.Exists(Backups) ? Directory.GetFiles(Backups, "*.zip").Order(StringComparer.Ordinal).ToList() : [];

    [Fact]
    public async Task The_job_writes_an_archive_each_run_and_keeps_only_the_newest_ones()
    {
        await using var app = App(new() { ["MissionFlow:Backup:Keep"] = "2" });
        app.CreateClient();
        var written = new List<string>();
        for (var run = 0; run < 3; run++)
            written.Add(await TriggerAsync(app));

        Assert.Equal(written[1..], Archives());
    }

    [Fact]
    public async Task On_PostgreSQL_the_job_archives_the_files_and_key_ring_and_restore_brings_them_back()
    {
        if (!PostgresServer.Wanted)
            return; // needs MISSIONFLOW_TEST_POSTGRES
        var database = PostgresServer.NewDatabase("missionflow_backup");
        var settings = new Dictionary<string, string> { ["MissionFlow:Database:Provider"] = "PostgreSql", ["MissionFlow:Database:ConnectionString"] = database };
        try
        {
            string mission, token, archive;
            var content = "Kế hoạch giám sát chuyên đề"u8.ToArray();
            await using (var app = App(settings))
            {
                var committee = await app.SignInAsync(Demo.Committee);
                token = committee.DefaultRequestHeaders.Authorization!.Parameter!;
                mission = (await committee.GetJsonAsync("/api/missions")).GetProperty("items")[0].GetProperty("id").GetString()!;
                using var form = new MultipartFormDataContent { { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "ke-hoach.txt" } };
                Assert.Equal(HttpStatusCode.Created, (await committee.PostAsync($"/api/missions/{mission}/documents", form)).StatusCode);
                archive = await TriggerAsync(app);
            }
            using (var zip = ZipFile.OpenRead(archive))
                Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("database/", StringComparison.Ordinal));

            Directory.Delete(Data, recursive: true); // the server's disk is lost; the database, on its own server, is not
            var restore = await WebProcess.RunAsync(BackupCommands.Restore, archive, "--MissionFlow:DataDirectory", Data, "--MissionFlow:Database:Provider", "PostgreSql");
            Assert.True(restore.ExitCode == 0, restore.Errors);
            Assert.Contains("PostgreSql database is not in the archive", restore.Output);

            await using var restored = App(settings);
            var client = restored.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var document = (await client.GetJsonAsync($"/api/missions/{mission}/documents"))[0].GetProperty("id").GetString();
            Assert.Equal(content, await client.GetByteArrayAsync($"/api/missions/{mission}/documents/{document}"));
        }
        finally
        {
            await PostgresServer.DropAsync(database);
        }
    }
}
