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
    public static WorkflowDefinition FollowUpWithEscalationTimers => FollowUpVersion(2);

    /// <summary>One version, for what instances pinned to it still do.</summary>
    public static WorkflowDefinition FollowUpVersion(int version) => Loaded().Single(d => d.Id == FollowUpId && d.Version == version);

    private static WorkflowDefinition Get(string id) => Loaded().Where(d => d.Id == id).MaxBy(d => d.Version)!;

    private static IReadOnlyList<WorkflowDefinition> Loaded()
    {
        var result = Result.Value;
        if (!result.Succeeded)
            throw new InvalidOperationException("The shipped workflows do not load: " + string.Join("; ", result.Errors));
        return result.Definitions;
    }
}
