using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>The definitions shipped in the repo's workflows/ folder.</summary>
public static class RepoWorkflows
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MissionFlow.sln")))
                    return Path.Combine(dir.FullName, "workflows");
            throw new DirectoryNotFoundException("MissionFlow.sln not found above the test binaries.");
        }
    }

    public static IReadOnlyList<WorkflowDefinition> Load()
    {
        var result = new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(Folder);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Definitions;
    }

    /// <summary>The shipped follow-up file with a text edit applied, as a new in-memory file.</summary>
    public static IReadOnlyList<WorkflowDefinition> LoadWithEditedFollowUp(Func<string, string> edit)
    {
        var files = Directory.EnumerateFiles(Folder, "*.json")
            .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Select(f => f.Name.StartsWith("recommendation-followup", StringComparison.Ordinal) ? (f.Name, Text: edit(f.Text)) : f)
            .Select(f => (f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text)));
        var result = new DefinitionLoader(Vocabulary.MissionFlow).LoadMany(files);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Definitions;
    }
}
