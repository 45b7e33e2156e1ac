namespace MissionFlow.Core.Drafts;

/// <summary>A letter with its placeholders filled, ready for <see cref="NationalDocx"/> to lay out.</summary>
public sealed record DraftLetter(
    CouncilIdentity Council,
    string Symbol,
    string? DocumentType,
    string Subject,
    string? Addressee,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Recipients,
    LetterSigner Signer)
{
    /// <summary>A table after the paragraphs (the list for the Council's session), its rows grouped under headings.</summary>
    public DraftTable? Table { get; init; }
}

public sealed record DraftTable(IReadOnlyList<string> Columns, IAsyncEnumerable<DraftRow> Rows);

/// <summary>A row of cells, or a group's heading (one cell across the table) when <see cref="Heading"/> is set.</summary>
public sealed record DraftRow(IReadOnlyList<string> Cells, string? Heading = null);
