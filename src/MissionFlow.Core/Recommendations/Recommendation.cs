using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Recommendations;

/// <summary>
/// A recommendation (kiến nghị) of a conclusion to one agency, followed up by its own recommendation-followup
/// instance. The instance's data holds the deadline its timers run from; <see cref="Deadline"/>, <see cref="Result"/>,
/// <see cref="Closed"/> and <see cref="ClosedOn"/> mirror the instance, written with each of its transitions by the
/// transition store (<see cref="RecommendationMirror"/>), so lists, the desk and roll-ups filter, order and count in
/// SQL without joining instances.
/// </summary>
public sealed class Recommendation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MissionId { get; init; }
    public required int Number { get; init; }
    public required Guid AgencyId { get; init; }
    public required string Text { get; set; }
    public required DateOnly OriginalDeadline { get; init; }
    public DateOnly Deadline { get; set; }
    public DeadlineBasis DeadlineBasis { get; init; }
    public Priority Priority { get; init; } = Priority.Normal;
    public int EscalationLevel { get; set; }

    /// <summary>The field of public administration it concerns (lĩnh vực: land, health...), if the conclusion says.</summary>
    public string? Field { get; init; }

    /// <summary>The latest verification result (the instance's data "result"); the journal keeps every one.</summary>
    public string? Result { get; set; }

    /// <summary>The follow-up is in a final state of its definition.</summary>
    public bool Closed { get; set; }

    /// <summary>The council's local date of the transition that closed the follow-up; null while it is open.</summary>
    public DateOnly? ClosedOn { get; set; }
    public Guid? InstanceId { get; set; }
    public WorkflowInstance? Instance { get; set; }
}

public enum DeadlineBasis { Calendar, Working }

public enum Priority { Low, Normal, High }
