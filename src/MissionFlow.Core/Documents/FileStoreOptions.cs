namespace MissionFlow.Core.Documents;

/// <summary>Where uploads live and what is accepted: section "MissionFlow:Files".</summary>
public sealed class FileStoreOptions
{
    /// <summary>Folder of the stored bytes; the host sets it to "files" under the data folder.</summary>
    public string Root { get; set; } = "files";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// A whole request that carries files (its files and form fields together); above it the server answers 413
    /// before storing anything. Kestrel's own default, so a report with a few large files still goes in one request.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 30_000_000;

    /// <summary>Office documents, PDFs, images and plain text: what councils and agencies exchange.</summary>
    public List<string> AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg", ".txt", ".zip"];
}
