using System.Text.Json;
using System.Text.RegularExpressions;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// Reads <c>letters/*.json</c> beside the workflow definitions. Every file is checked (readable JSON, required
/// fields, only known placeholders, every required template present); any error is reported as
/// <c>file: $.path: problem</c> and nothing is loaded, so a council's typo stops the start instead of a draft.
/// </summary>
public static partial class LetterFolder
{
    public const string WordingFile = "wording.json";

    /// <summary>What any text of a letter may name: the mission and the agency it is about.</summary>
    public static IReadOnlySet<string> LetterPlaceholders { get; } = new HashSet<string>
        { "council", "place", "agency", "superior", "mission", "missionTitle", "conclusionDate", "rung", "items" };

    /// <summary>What the <c>item</c> line may name besides: one recommendation.</summary>
    public static IReadOnlySet<string> ItemPlaceholders { get; } = new HashSet<string>
        { "number", "text", "deadline", "originalDeadline", "daysOverdue", "history", "ladder", "agency", "mission" };

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip };

    public static LetterFolderResult Load(string folder)
    {
        var errors = new List<string>();
        var templates = new Dictionary<string, LetterTemplate>();
        LetterWording? wording = null;
        if (!Directory.Exists(folder))
            return new LetterFolderResult(null, [$"{folder}: the letters folder is missing"]);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                if (name == WordingFile)
                {
                    wording = Read<LetterWording>(path);
                    CheckWording(name, wording, errors);
                    continue;
                }
                var template = Read<LetterTemplate>(path);
                var id = Path.GetFileNameWithoutExtension(path);
                if (template.Id != id)
                    errors.Add($"{name}: $.id: '{template.Id}' should be the file's name, '{id}'");
                Check(name, template, errors);
                templates[id] = template;
            }
            catch (JsonException bad)
            {
                var where = bad.Path is { Length: > 0 } p ? $"{p}: " : "";
                errors.Add($"{name}:{(bad.LineNumber + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {where}{bad.Message.Split(" Path:")[0]}");
            }
        }
        if (wording is null)
            errors.Add($"{WordingFile}: missing from {folder}");
        errors.AddRange(LetterLibrary.Required.Where(id => !templates.ContainsKey(id)).Select(id => $"{id}.json: missing from {folder}"));
        return errors.Count > 0 ? new LetterFolderResult(null, errors) : new LetterFolderResult(new LetterLibrary(templates, wording!), []);
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new JsonException("The file is empty.");

    private static void Check(string file, LetterTemplate t, List<string> errors)
    {
        Require(file, "$.symbol", t.Symbol, errors);
        Require(file, "$.subject", t.Subject, errors);
        if (t.Paragraphs.Count == 0)
            errors.Add($"{file}: $.paragraphs: at least one paragraph is required");
        if (t.Recipients.Count == 0)
            errors.Add($"{file}: $.recipients: \"Nơi nhận\" needs at least one line");
        Require(file, "$.signer.authority", t.Signer.Authority, errors);
        Require(file, "$.signer.title", t.Signer.Title, errors);
        Placeholders(file, "$.subject", t.Subject, LetterPlaceholders, errors);
        Placeholders(file, "$.addressee", t.Addressee, LetterPlaceholders, errors);
        for (var i = 0; i < t.Paragraphs.Count; i++)
            Placeholders(file, $"$.paragraphs[{i}]", t.Paragraphs[i], LetterPlaceholders, errors);
        for (var i = 0; i < t.Recipients.Count; i++)
            Placeholders(file, $"$.recipients[{i}]", t.Recipients[i], LetterPlaceholders, errors);
        Placeholders(file, "$.item", t.Item, ItemPlaceholders, errors);
        if (t.Paragraphs.Contains("{items}") && string.IsNullOrWhiteSpace(t.Item))
            errors.Add($"{file}: $.item: a template with an {{items}} paragraph needs the item line");
    }

    private static void CheckWording(string file, LetterWording w, List<string> errors)
    {
        Placeholders(file, "$.resultLine", w.ResultLine, new HashSet<string> { "date", "result", "comment" }, errors);
        Placeholders(file, "$.rungLine", w.RungLine, new HashSet<string> { "rung", "documentNumber", "documentDate" }, errors);
        errors.AddRange(LetterLibrary.Rungs.Where(r => !w.Rungs.ContainsKey(r)).Select(r => $"{file}: $.rungs: no name for rung '{r}'"));
    }

    private static void Require(string file, string path, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{file}: {path}: required");
    }

    private static void Placeholders(string file, string path, string? text, IReadOnlySet<string> known, List<string> errors)
    {
        foreach (Match m in Placeholder().Matches(text ?? ""))
            if (!known.Contains(m.Groups[1].Value))
                errors.Add($"{file}: {path}: unknown placeholder {m.Value} (known: {string.Join(", ", known.Order().Select(k => $"{{{k}}}"))})");
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    internal static partial Regex Placeholder();
}

/// <summary>The library, or the errors that kept it from loading.</summary>
public sealed record LetterFolderResult(LetterLibrary? Library, IReadOnlyList<string> Errors);
