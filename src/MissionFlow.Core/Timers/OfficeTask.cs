namespace MissionFlow.Core.Timers;

/// <summary>
/// A rung of the escalation ladder for one recommendation: the Council Office issues the letter (reminder letter,
/// referral, request for explanation…) and records its number, date, signer and signed file. Until then it is open
/// and reminded; the system never pretends a letter was sent. <see cref="Kind"/> is the rung's id in the
/// definition's ladder, <see cref="Level"/> its place on it (1 = first rung).
/// </summary>
public sealed class OfficeTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid RecommendationId { get; init; }
    public required string Kind { get; init; }
    public required int Level { get; init; }
    public required DateTimeOffset OpenedAt { get; set; }
    /// <summary>When the rung falls due: a scheduled one opens that day; a moved deadline may move it later.</summary>
    public DateOnly? DueDate { get; set; }
    public OfficeTaskState State { get; set; } = OfficeTaskState.Open;

    /// <summary>Recorded as a complex case: the agency has 30 days to explain itself instead of 15.</summary>
    public bool Complex { get; set; }

    /// <summary>When the Office was reminded once more of the rung still open after its due date; once only.</summary>
    public DateTimeOffset? OverdueRemindedAt { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? Signer { get; set; }

    /// <summary>The signed letter (PDF) in the file store; a recorded rung always has one.</summary>
    public Guid? FileId { get; set; }

    /// <summary>Why a committee member skipped or stopped the rung; journaled too.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

/// <summary>
/// Scheduled until its due date, then open until the Office records the letter (Done), or a committee member
/// skips the rung or stops the ladder; the item closing stops it too.
/// </summary>
public enum OfficeTaskState { Open, Done, Skipped, Stopped, Scheduled }
