using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Runtime;

/// <summary>What firing a trigger decided; nothing is applied until the host persists it.</summary>
public abstract record FireOutcome;

/// <summary>
/// The instance moves to <see cref="To"/> with <see cref="Data"/>. The host writes the state, the journal entry,
/// the timer changes and the spawned instances in one transaction.
/// </summary>
public sealed record Transitioned(
    string From,
    string To,
    IReadOnlyDictionary<string, string> Data,
    JournalRecord Journal,
    TimerChanges Timers,
    SpawnDefinition? Spawn) : FireOutcome;

/// <summary>
/// The transition would move the instance's timers and the snapshot came without them: fire again with the
/// stored timers read. Most transitions (a progress report, a refused extension) never ask.
/// </summary>
public sealed record TimersNeeded : FireOutcome
{
    public static TimersNeeded Instance { get; } = new();
}

/// <summary>
/// The trigger was not fired, and why; <see cref="Field"/> names the offending input when there is one.
/// <see cref="Reason"/> is English for logs and API clients; <see cref="Code"/> and <see cref="Args"/> (the
/// trigger, the field, a bound) let a host say the same in its reader's language.
/// </summary>
public sealed record Refused(RefusalKind Kind, string Reason, string? Field = null) : FireOutcome
{
    public string Code { get; init; } = "";
    public IReadOnlyList<string> Args { get; init; } = [];
}

public enum RefusalKind
{
    /// <summary>The definition has no such trigger at all.</summary>
    UnknownTrigger,
    /// <summary>The trigger exists but not from the current state: the caller acted on a stale view.</summary>
    WrongState,
    /// <summary>The actor's role or agency does not allow it.</summary>
    Forbidden,
    /// <summary>An input is missing or malformed.</summary>
    InvalidInput,
    /// <summary>A fact the trigger requires does not hold yet.</summary>
    RequirementUnmet,
}
