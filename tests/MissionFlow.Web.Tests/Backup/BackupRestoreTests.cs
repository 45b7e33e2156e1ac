using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Web.Backup;

namespace MissionFlow.Web.Tests.Backup;

/// <summary>
/// The `backup` and `restore` commands, run as the README says while the application serves: an archive taken under
/// writes brings back every row, file and key, and a damaged archive or a folder in use is refused.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Directory.CreateTempSubdirectory("missionflow-backup-").FullName, "data");
    private string Backups => Path.Combine(Path.GetDirectoryName(_data)!, "backups");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
        return Task.CompletedTask;
    }

    private Task<WebProcess.Result> Command(params string[] args) =>
        WebProcess.RunAsync([.. args, "--MissionFlow:DataDirectory", _data, "--MissionFlow:Backup:Folder", Backups]);

    private MissionFlowApp App() => new(dataDirectory: _data) { Settings = { ["MissionFlow:Backup:Folder"] = Backups } };

    private static MultipartFormDataContent Upload(string name, byte[] content) =>
        new() { { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", name } };

    [Fact]
    public async Task A_backup_taken_while_requests_write_restores_every_row_file_and_key_into_a_destroyed_folder()
    {
        string mission, token;
        DataFolderSnapshot before;
        string archive;
        var evidence = "Báo cáo khắc phục của Sở Công Thương"u8.ToArray();
        await using (var app = App())
        {
            var committee = await app.SignInAsync(Demo.Committee);
            var officer = await app.SignInAsync(Demo.AgencyOfficer);
            token = committee.DefaultRequestHeaders.Authorization!.Parameter!;
            mission = (await committee.GetJsonAsync("/api/missions")).GetProperty("items")[0].GetProperty("id").GetString()!;
            var recommendation = (await officer.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.Created, (await committee.PostAsync($"/api/missions/{mission}/documents", Upload("ke-hoach-giam-sat.txt", "Kế hoạch giám sát"u8.ToArray()))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/recommendations/{recommendation}/evidence", Upload("bao-cao.txt", evidence))).StatusCode);
            before = DataFolderSnapshot.Of(_data);

            using var stop = new CancellationTokenSource();
            var written = 0;
            var writes = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var response = await committee.PostAsync($"/api/missions/{mission}/documents", Upload($"bien-ban-{written}.txt", Guid.NewGuid().ToByteArray()));
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    Interlocked.Increment(ref written);
                }
            });
            while (Volatile.Read(ref written) == 0)
                await Task.Delay(10);
            var backup = await Command(BackupCommands.Backup);
            var writtenDuring = Volatile.Read(ref written);
            await stop.CancelAsync();
            await writes;

            Assert.True(backup.ExitCode == 0, backup.Errors);
            archive = backup.Output.Trim();
            Assert.True(File.Exists(archive), backup.Output);
            Assert.Equal(Backups, Path.GetDirectoryName(archive));
            Assert.True(writtenDuring > 1, $"only {writtenDuring} writes ran beside the back-up");
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        }

        Directory.Delete(_data, recursive: true); // the disk is lost
        var restore = await Command(BackupCommands.Restore, archive);
        Assert.True(restore.ExitCode == 0, restore.Errors);

        var after = DataFolderSnapshot.Of(_data);
        foreach (var (table, rows) in before.Rows)
            Assert.True(rows.IsSubsetOf(after.Rows[table]), $"{table}: {rows.Except(after.Rows[table]).Count()} rows missing");
        foreach (var (file, sha) in before.Files)
            Assert.True(after.Files.GetValueOrDefault(file) == sha, $"{file} missing or changed");
        Assert.NotEmpty(before.Rows["AspNetUsers"]);

        await using var restored = App();
        // The token was signed with the key ring of the lost folder: it still opens the restored one.
        var client = restored.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var documents = await client.GetJsonAsync($"/api/missions/{mission}/documents");
        Assert.Contains("ke-hoach-giam-sat.txt", documents.Strings("fileName"));
        var officerAgain = await restored.SignInAsync(Demo.AgencyOfficer);
        var item = (await officerAgain.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var stored = (await officerAgain.GetJsonAsync($"/api/recommendations/{item}/evidence"))[0].GetProperty("id").GetString();
        Assert.Equal(evidence, await officerAgain.GetByteArrayAsync($"/api/recommendations/{item}/evidence/{stored}"));
    }

    [Fact]
    public async Task A_truncated_or_damaged_archive_and_a_folder_in_use_without_force_are_refused_in_one_sentence_and_nothing_changes()
    {
        string archive;
        await using (var app = App())
        {
            await app.SignInAsync(Demo.Committee);
            archive = app.Services.GetRequiredService<BackupWriter>().Write();
        }
        var bytes = await File.ReadAllBytesAsync(archive);
        var truncated = Path.Combine(Backups, "truncated.zip");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var damaged = Path.Combine(Backups, "damaged.zip");
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 16; i++)
            bytes[i] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);
        var before = FolderHashes(_data);

        foreach (var bad in new[] { truncated, damaged })
        {
            var refused = await Command(BackupCommands.Restore, bad, "--force");
            Assert.Equal(1, refused.ExitCode);
            var sentence = refused.Errors.Trim();
            Assert.StartsWith($"MissionFlow: {bad} is ", sentence);
            Assert.EndsWith(", and nothing was restored.", sentence);
            Assert.DoesNotContain('\n', sentence);
            Assert.Equal(before, FolderHashes(_data));
        }

        var inUse = await Command(BackupCommands.Restore, archive);
        Assert.Equal(1, inUse.ExitCode);
        Assert.Equal($"MissionFlow: The data folder {_data} is not empty; restore overwrites it only when given --force.", inUse.Errors.Trim());
        Assert.Equal(before, FolderHashes(_data));

        var forced = await Command(BackupCommands.Restore, archive, "--force");
        Assert.True(forced.ExitCode == 0, forced.Errors);
    }

    private static Dictionary<string, string> FolderHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
