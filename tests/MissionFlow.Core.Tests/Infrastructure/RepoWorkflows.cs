using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>The definitions shipped in the repo's workflows/ folder.</summary>
public static class RepoWorkflows
{
    public static IReadOnlyList<WorkflowDefinition> Load()
    {
        var result = new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(RepoFolder.Workflows);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Definitions;
    }

    /// <summary>The shipped Law 87/2015 follow-up file (v1) with a text edit applied, as a new in-memory file.</summary>
    public static IReadOnlyList<WorkflowDefinition> LoadWithEditedFollowUp(Func<string, string> edit)
    {
        var files = Directory.EnumerateFiles(RepoFolder.Workflows, "*.json")
            .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Select(f => f.Name == "recommendation-followup.v1.json" ? (f.Name, Text: edit(f.Text)) : f)
            .Select(f => (f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text)));
        var result = new DefinitionLoader(Vocabulary.MissionFlow).LoadMany(files);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Definitions;
    }
}
