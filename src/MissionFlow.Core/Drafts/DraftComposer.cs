using System.Globalization;

namespace MissionFlow.Core.Drafts;

/// <summary>Fills a template's placeholders; a value the template does not use is simply not printed.</summary>
public sealed class DraftComposer(LetterLibrary library, CouncilIdentity council)
{
    public LetterLibrary Library => library;

    public DraftLetter Compose(string templateId, IReadOnlyDictionary<string, string> values, IReadOnlyList<DraftItem> items)
    {
        var template = library.Get(templateId);
        var paragraphs = template.Paragraphs.SelectMany(p => p == "{items}"
            ? items.Select(i => Fill(template.Item, i.Values(library.Wording).Concat(values.Where(v => !i.Has(v.Key))).ToDictionary()))
            : [Fill(p, values)]).ToList();
        return new DraftLetter(council, template.Symbol, template.DocumentType, Fill(template.Subject, values),
            template.Addressee is { } to ? Fill(to, values) : null, paragraphs, template.Recipients.Select(r => Fill(r, values)).ToList(), template.Signer);
    }

    /// <summary>The common values of every letter: who issues it and where.</summary>
    public Dictionary<string, string> Values() => new() { ["council"] = council.Body, ["place"] = council.Place };

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        LetterFolder.Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, "")).Trim();
}

/// <summary>One recommendation as a letter names it: its number, text, deadline and what happened to it so far.</summary>
public sealed record DraftItem(int Number, string Text, DateOnly Deadline, DateOnly OriginalDeadline, int DaysOverdue, ItemHistory History)
{
    private static readonly HashSet<string> Own = ["number", "text", "deadline", "originalDeadline", "daysOverdue", "history", "ladder"];

    public bool Has(string key) => Own.Contains(key);

    public IEnumerable<KeyValuePair<string, string>> Values(LetterWording wording) => new Dictionary<string, string>
    {
        ["number"] = Number.ToString(CultureInfo.InvariantCulture),
        ["text"] = Text,
        ["deadline"] = DraftComposer.Date(Deadline),
        ["originalDeadline"] = DraftComposer.Date(OriginalDeadline),
        ["daysOverdue"] = DaysOverdue.ToString(CultureInfo.InvariantCulture),
        ["history"] = Results(History, wording),
        ["ladder"] = Ladder(History, wording),
    };

    public static string Results(ItemHistory history, LetterWording wording) => history.Results.Count == 0
        ? wording.NoResult
        : string.Join("; ", history.Results.Select(v => Line(wording.ResultLine, new()
        {
            ["date"] = DraftComposer.Date(v.Date),
            ["result"] = wording.Result(v.Result),
            ["comment"] = string.IsNullOrWhiteSpace(v.Comment) ? "" : $" ({v.Comment})",
        })));

    public static string Ladder(ItemHistory history, LetterWording wording) => history.Rungs.Count == 0
        ? wording.NoRung
        : string.Join("; ", history.Rungs.Select(r => LastRung(r, wording)));

    public static string LastRung(RecordedRung rung, LetterWording wording) => Line(wording.RungLine, new()
    {
        ["rung"] = wording.Rung(rung.Rung),
        ["documentNumber"] = rung.DocumentNumber,
        ["documentDate"] = rung.DocumentDate is { } d ? DraftComposer.Date(d) : "",
    });

    private static string Line(string format, Dictionary<string, string> values) =>
        LetterFolder.Placeholder().Replace(format, m => values.GetValueOrDefault(m.Groups[1].Value, ""));
}
