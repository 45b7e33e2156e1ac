namespace MissionFlow.Core.Common;

/// <summary>
/// A request the application refuses, and the HTTP meaning of the refusal. The web layer turns each into an
/// RFC 7807 problem naming <see cref="Field"/>; services throw before writing, so nothing is half-stored.
/// </summary>
public abstract class MissionFlowException(string message, string? field) : Exception(message)
{
    public string? Field { get; } = field;

    /// <summary>What went wrong as a key ("required", "wrong-state"...), for a reader in another language; empty if none.</summary>
    public string Code { get; init; } = "";

    /// <summary>The key's arguments: first the field or the trigger, then any bound.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}

/// <summary>Missing or malformed input: 400.</summary>
public sealed class InvalidRequestException(string field, string message) : MissionFlowException(message, field);

/// <summary>The caller may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : MissionFlowException(message, null);

/// <summary>No such thing, or not one the caller may see: 404.</summary>
public sealed class NotFoundException(string message) : MissionFlowException(message, null);

/// <summary>The request is at odds with the current state (stale view, duplicate code, lost race): 409.</summary>
public sealed class ConflictException(string message, string? field = null) : MissionFlowException(message, field);
