namespace MissionFlow.Core.Idempotency;

/// <summary>
/// One use of an Idempotency-Key header by one user. The row is claimed before the action runs (the primary key
/// makes a concurrent twin fail), holds the response replayed to any repeat of the same request
/// (<see cref="RequestHash"/>), and is forgotten once <see cref="IdempotencyOptions.Lifetime"/> has passed.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }
    public required string UserId { get; init; }

    /// <summary>SHA-256 (hex) of the request's method, route and body: a repeat must match it to be replayed.</summary>
    public required string RequestHash { get; init; }

    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
