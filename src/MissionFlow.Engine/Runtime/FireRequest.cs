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
    public string? Comment => Input.TryGetValue("comment", out var c) && !string.IsNullOrWhiteSpace(c) ? c
        : Input.TryGetValue("reason", out var r) && !string.IsNullOrWhiteSpace(r) ? r : null;
}
