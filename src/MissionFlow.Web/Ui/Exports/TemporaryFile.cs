using Microsoft.AspNetCore.Mvc;

namespace MissionFlow.Web.Ui.Exports;

/// <summary>
/// An export written to a temporary file and then sent from it: memory stays bounded, a failure while writing
/// becomes an error answer rather than a truncated download, and the file is deleted when the answer is sent.
/// </summary>
internal static class TemporaryFile
{
    public static async Task<FileStreamResult> WriteAsync(string contentType, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await write(file, ct);
            file.Position = 0;
            return new FileStreamResult(file, contentType) { FileDownloadName = fileName };
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
