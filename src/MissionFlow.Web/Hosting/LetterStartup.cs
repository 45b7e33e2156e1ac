using MissionFlow.Core.Drafts;

namespace MissionFlow.Web.Hosting;

/// <summary>The letter templates in <c>letters/</c> beside the workflow definitions, checked at start like them.</summary>
public static class LetterStartup
{
    /// <summary>Loads every template or prints every error to stderr and returns null: a start on a bad file stops.</summary>
    public static LetterLibrary? LoadOrReport(string workflowsFolder, TextWriter errors)
    {
        var folder = Path.Combine(workflowsFolder, "letters");
        var result = LetterFolder.Load(folder);
        if (result.Library is not null)
            return result.Library;
        errors.WriteLine($"MissionFlow: the letter templates in {folder} are invalid; nothing was loaded.");
        foreach (var error in result.Errors)
            errors.WriteLine($"  {error}");
        return null;
    }
}
