using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MissionFlow.Ui.Tests.Resources;

/// <summary>Every string a page asks for exists in Vietnamese and in English: a missing one would show its key.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Web = Path.Combine(Path.GetDirectoryName(Screenshots.Folder)!, "..", "src", "MissionFlow.Web");

    [Fact]
    public void Vietnamese_and_English_have_the_same_keys_and_no_empty_text()
    {
        var vi = Keys("vi");
        var en = Keys("en");
        Assert.Empty(vi.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(vi.Keys));
        Assert.Empty(vi.Concat(en).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
    }

    [Fact]
    public void Every_key_the_pages_and_builders_name_is_in_the_resources()
    {
        var known = Keys("vi").Keys.ToHashSet();
        // Pages and their builders sit in every feature folder: all the project's C# and Razor, not its build output.
        var used = Directory.EnumerateFiles(Web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(Web, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !known.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    private static Dictionary<string, string> Keys(string language) =>
        XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{language}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    // T["Desk.Title"], text["Common.Yes"], and the literal column keys of the exports: a dotted key in quotes.
    [GeneratedRegex(@"\b(?:T|text)\[\s*""(?<key>[A-Z][A-Za-z]+\.[A-Za-z.\-]+)""|""(?<key>Export\.[A-Za-z]+)""")]
    private static partial Regex Literal();
}
