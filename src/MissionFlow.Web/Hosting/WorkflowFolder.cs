using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Hosting;

/// <summary>Finds and loads the workflow definitions before anything else starts.</summary>
public static class WorkflowFolder
{
    public static string Resolve(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "workflows")
            : Path.GetFullPath(configured, contentRoot);

    /// <summary>Loads every definition or prints every error to stderr and returns null: nothing is half-loaded.</summary>
    public static IReadOnlyList<WorkflowDefinition>? LoadOrReport(string folder, TextWriter errors)
    {
        var result = new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(folder);
        if (result.Succeeded)
            return result.Definitions;
        errors.WriteLine($"MissionFlow: the workflow definitions in {folder} are invalid; nothing was loaded.");
        foreach (var error in result.Errors)
            errors.WriteLine($"  {error}");
        return null;
    }
}
