using MissionFlow.Core.Drafts;

namespace MissionFlow.Web.Hosting;

/// <summary>The letter templates (the repo's <c>workflows/letters/</c>), checked at start like the workflow definitions.</summary>
public static class LetterStartup
{
    public static string Resolve(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "workflows", "letters")
            : Path.GetFullPath(configured, contentRoot);

    /// <summary>Loads every template or prints every error to stderr and returns null: a start on a bad file stops.</summary>
    public static LetterLibrary? LoadOrReport(string folder, TextWriter errors)
    {
        var result = LetterFolder.Load(folder);
        if (result.Library is not null)
            return result.Library;
        errors.WriteLine($"MissionFlow: the letter templates in {folder} are invalid; nothing was loaded.");
        foreach (var error in result.Errors)
            errors.WriteLine($"  {error}");
        return null;
    }
}
