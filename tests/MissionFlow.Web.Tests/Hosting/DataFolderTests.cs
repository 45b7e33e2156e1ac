using System.Net;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>The database, the key ring and uploads are the account's own: 0700 folders and 0600 files on Unix.</summary>
public sealed class DataFolderTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OpenToOthers = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task After_a_start_the_data_folder_key_ring_database_and_uploads_are_owner_only_even_on_a_folder_open_before()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows has no such modes; the folder's ACL decides there
        await using var app = new MissionFlowApp();
        System.IO.File.SetUnixFileMode(app.DataDirectory, OpenToOthers); // as an install of an earlier version left it

        var committee = await app.SignInAsync(Demo.Committee);
        var mission = (await committee.GetJsonAsync("/api/missions")).GetProperty("items")[0].GetProperty("id").GetString();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 Báo cáo"u8.ToArray()), "file", "bao-cao.pdf" } };
        Assert.Equal(HttpStatusCode.Created, (await committee.PostAsync($"/api/missions/{mission}/documents", form)).StatusCode);

        var data = app.DataDirectory;
        var database = Path.Combine(data, "missionflow.db");
        Assert.True(System.IO.File.Exists(database + "-wal"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys")));
        var folders = new[] { data, Path.Combine(data, "keys") }.Concat(Directory.GetDirectories(Path.Combine(data, "files"), "*", SearchOption.AllDirectories));
        var files = new[] { database, database + "-wal", database + "-shm" }
            .Concat(Directory.GetFiles(Path.Combine(data, "keys")))
            .Concat(Directory.GetFiles(Path.Combine(data, "files"), "*", SearchOption.AllDirectories));
        foreach (var folder in folders)
            Assert.True(ModeOf(folder) == Folder, $"{folder}: {ModeOf(folder)}");
        foreach (var file in files)
            Assert.True(ModeOf(file) == File, $"{file}: {ModeOf(file)}");
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static UnixFileMode ModeOf(string path) => System.IO.File.GetUnixFileMode(path);
}
