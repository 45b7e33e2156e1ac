namespace MissionFlow.Core.Drafts;

/// <summary>
/// The text of one kind of letter, read from <c>workflows/letters/{id}.json</c> so that a council edits its
/// wording without a release. Placeholders in braces are filled by <see cref="DraftComposer"/>; a paragraph that
/// is exactly <c>{items}</c> becomes one paragraph per recommendation, each written from <see cref="Item"/>.
/// </summary>
public sealed record LetterTemplate
{
    public required string Id { get; init; }

    /// <summary>The document's kind printed above its subject ("THÔNG BÁO", "BÁO CÁO"); none for a công văn, whose subject goes under the number as "V/v …".</summary>
    public string? DocumentType { get; init; }

    /// <summary>The symbol after the number, "HĐND-VP" in "Số: …/HĐND-VP".</summary>
    public required string Symbol { get; init; }

    public required string Subject { get; init; }

    /// <summary>Who the letter is to, after "Kính gửi:"; none for a notice or report sent by its "Nơi nhận" list.</summary>
    public string? Addressee { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>One recommendation, for the <c>{items}</c> paragraph.</summary>
    public string Item { get; init; } = "";

    /// <summary>The columns of the table a list prints (the list for the Council's session).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>"Nơi nhận": where copies go, one line each.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    public required LetterSigner Signer { get; init; }
}

/// <summary>The signature block: the authority ("TM. THƯỜNG TRỰC HĐND"), the signer's title, and a name if the template fixes one.</summary>
public sealed record LetterSigner(string Authority, string Title, string? Name = null);
