namespace MissionFlow.Core.Drafts;

/// <summary>
/// The words a draft prints for values (results, rungs) and the lines of a recommendation's history, from
/// <c>workflows/letters/wording.json</c>: drafts are official Vietnamese documents, whatever the reader's language.
/// </summary>
public sealed record LetterWording
{
    /// <summary>A verification result's name, by its value ("partly-done": "hoàn thành một phần").</summary>
    public required IReadOnlyDictionary<string, string> Results { get; init; }

    /// <summary>A ladder rung's name, by its id ("reminder-letter": "Công văn đôn đốc").</summary>
    public required IReadOnlyDictionary<string, string> Rungs { get; init; }

    /// <summary>One verification: {date}, {result}, {comment}.</summary>
    public required string ResultLine { get; init; }

    /// <summary>One recorded rung: {rung}, {documentNumber}, {documentDate}.</summary>
    public required string RungLine { get; init; }

    /// <summary>What {history} says of an item never verified.</summary>
    public required string NoResult { get; init; }

    /// <summary>What {ladder} says of an item with no letter recorded yet.</summary>
    public required string NoRung { get; init; }

    public string Result(string value) => Results.GetValueOrDefault(value, value);

    public string Rung(string id) => Rungs.GetValueOrDefault(id, id);
}
