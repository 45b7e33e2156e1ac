using System.Text;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Support;

/// <summary>
/// Text surgery on workflow files, reporting the 1-based line an edit landed on, so a test can say which line
/// an error must point at without counting lines by hand.
/// </summary>
internal static class JsonText
{
    /// <summary>The valid definition most rule tests start from and break in one place.</summary>
    public static string SmallWorkflow => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "Fixtures", "small-workflow.json"));

    /// <summary>The 1-based line of the only occurrence of <paramref name="marker"/>.</summary>
    public static int LineOf(string text, string marker) => LineAt(text, IndexOfOnly(text, marker));

    /// <summary>
    /// Replaces the first <paramref name="old"/> that follows the only occurrence of <paramref name="after"/>
    /// (or the only <paramref name="old"/> when no anchor is given); returns the new text and the edited line.
    /// </summary>
    public static (string Text, int Line) Edit(string text, string old, string replacement, string? after = null)
    {
        int at;
        if (after is null)
            at = IndexOfOnly(text, old);
        else
        {
            at = text.IndexOf(old, IndexOfOnly(text, after), StringComparison.Ordinal);
            if (at < 0)
                throw new ArgumentException($"No '{old}' after '{after}'.");
        }
        var edited = text[..at] + replacement + text[(at + old.Length)..];
        return (edited, LineAt(edited, at));
    }

    public static DefinitionLoadResult Load(params (string Name, string Text)[] files) =>
        new DefinitionLoader(Vocabulary.MissionFlow).LoadMany(files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Text))));

    private static int IndexOfOnly(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            throw new ArgumentException($"'{marker}' is not in the text.");
        if (text.IndexOf(marker, at + 1, StringComparison.Ordinal) >= 0)
            throw new ArgumentException($"'{marker}' occurs more than once; give an anchor.");
        return at;
    }

    private static int LineAt(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');
}
