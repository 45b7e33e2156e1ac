namespace MissionFlow.Core.Timers;

/// <summary>
/// A step of the escalation ladder that needs a person: the Council Office issues the letter (reminder letter,
/// request for explanation, referral) and records its number and date. Until then it is open and reminded; the
/// system never pretends a letter was sent.
/// </summary>
public sealed class OfficeTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid RecommendationId { get; init; }
    public required string Kind { get; init; }
    public required int Level { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public DateOnly? DueDate { get; init; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}
