namespace MissionFlow.Core.Idempotency;

/// <summary>Section "MissionFlow:Idempotency".</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key's first response is replayed; after that the key acts anew and its row is purged.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
}
