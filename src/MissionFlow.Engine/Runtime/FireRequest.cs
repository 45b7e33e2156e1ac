namespace MissionFlow.Engine.Runtime;

/// <summary>
/// A trigger to fire. <see cref="Facts"/> are the requirement names the host vouches for now (the engine cannot
/// see documents); <see cref="Now"/> comes from the host's TimeProvider, so the runtime stays pure.
/// </summary>
public sealed record FireRequest(
    string Trigger,
    Actor Actor,
    IReadOnlyDictionary<string, string?> Input,
    DateTimeOffset Now,
    IReadOnlySet<string>? Facts = null)
{
    /// <summary>The inputs, in order of preference, whose text becomes the journal entry's comment.</summary>
    public static IReadOnlyList<string> CommentInputs { get; } = ["comment", "reason"];

    public string? Comment => CommentInputs
        .Select(name => Input.GetValueOrDefault(name))
        .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
}
