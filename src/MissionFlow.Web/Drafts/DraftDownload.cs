using Microsoft.AspNetCore.Mvc;
using MissionFlow.Core.Drafts;
using MissionFlow.Web.Ui.Exports;

namespace MissionFlow.Web.Drafts;

/// <summary>A draft as a .docx download, named for its mission ("GS-2018-01-conclusion-notice.docx").</summary>
internal static class DraftDownload
{
    public static Task<FileStreamResult> AsDocxAsync(DraftLetter letter, string name, CancellationToken ct) =>
        TemporaryFile.WriteAsync(NationalDocx.ContentType, $"{Safe(name)}.docx", (stream, token) => NationalDocx.WriteAsync(letter, stream, token), ct);

    /// <summary>A mission code is typed by people: nothing of it that a file name or a header cannot carry.</summary>
    private static string Safe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' or ':' ? '-' : c));
}
