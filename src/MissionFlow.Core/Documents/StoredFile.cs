namespace MissionFlow.Core.Documents;

/// <summary>
/// An uploaded file: a mission document (plan, decision, outline, the agency's report, the conclusion notice) or
/// a recommendation's evidence. The bytes live in the data folder under their SHA-256, so a re-upload of the
/// same file costs no space and a tampered file is detectable.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required FileOwner OwnerType { get; init; }
    public required Guid OwnerId { get; init; }
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>
    /// The supervised agency a mission document is about (its own report, say), or null for the whole mission:
    /// on a mission over several agencies, each reads only its own and the public ones (<see cref="Access.AccessRules"/>).
    /// </summary>
    public Guid? AgencyId { get; init; }

    /// <summary>The journal entry the file was attached to (a progress report), if any.</summary>
    public long? JournalEntryId { get; set; }
    public Workflows.JournalEntry? JournalEntry { get; set; }
}

public enum FileOwner { Mission, Recommendation }
