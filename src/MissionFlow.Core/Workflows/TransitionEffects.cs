using MissionFlow.Core.Documents;
using MissionFlow.Core.Recommendations;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// What the host writes with a transition beside the instance, its journal line and its timers. Other new host rows
/// the caller added to its unit of work before the write (the ladder's Office tasks and lines, follow-ups and
/// missions a transition spawns) are saved in the same transaction.
/// </summary>
public sealed record TransitionEffects
{
    public static readonly TransitionEffects None = new();

    /// <summary>The mirror columns of the recommendation whose follow-up instance this is.</summary>
    public RecommendationMirror? Mirror { get; init; }

    /// <summary>Files sent with the transition (new rows), attached to its journal line.</summary>
    public IReadOnlyList<StoredFile> Evidence { get; init; } = [];
}
