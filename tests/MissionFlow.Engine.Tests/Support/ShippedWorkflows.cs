using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Support;

/// <summary>The definitions of the repository's workflows/ folder, loaded once.</summary>
internal static class ShippedWorkflows
{
    public const string MissionId = "supervision-mission";
    public const string FollowUpId = "recommendation-followup";

    private static readonly Lazy<DefinitionLoadResult> Result = new(() => new DefinitionLoader(Vocabulary.MissionFlow).LoadFolder(RepoFolder.Workflows));

    public static DefinitionLoadResult Load() => Result.Value;

    /// <summary>The latest version of each: Law 121/2025's, which new missions start on.</summary>
    public static WorkflowDefinition Mission => Get(MissionId);
    public static WorkflowDefinition FollowUp => Get(FollowUpId);

    /// <summary>Law 121/2025's follow-up before the ladder: its escalation rungs are timers on the deadline.</summary>
    public static WorkflowDefinition FollowUpWithEscalationTimers => Get(FollowUpId, version: 2);

    private static WorkflowDefinition Get(string id, int? version = null)
    {
        var result = Result.Value;
        if (!result.Succeeded)
            throw new InvalidOperationException("The shipped workflows do not load: " + string.Join("; ", result.Errors));
        return result.Definitions.Where(d => d.Id == id && (version is null || d.Version == version)).MaxBy(d => d.Version)!;
    }
}
