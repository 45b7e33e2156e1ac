namespace MissionFlow.Core.Idempotency;

/// <summary>
/// One use of an Idempotency-Key header by one user. The row is claimed before the action runs (the primary key
/// makes a concurrent twin fail), and holds the response replayed to any repeat.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }
    public required string UserId { get; init; }
    public required string RequestPath { get; init; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
