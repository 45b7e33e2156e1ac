using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// The row values a fire gives its instance, guarded by the revision it read: the new revision is always the
/// next one, so it cannot be given in place of the one expected.
/// </summary>
internal sealed record InstanceUpdate(Guid Id, [property: ColumnOf(nameof(WorkflowInstance.Revision))] int ExpectedRevision, string State, string DataJson, DateTimeOffset UpdatedAt)
{
    public int Revision => ExpectedRevision + 1;
}

/// <summary>An instance's pending timers, the list's timer ids among them, set to cancelled.</summary>
internal sealed record TimersCancelled(
    Guid InstanceId,
    TimerStatus Status = TimerStatus.Cancelled,
    [property: ColumnOf(nameof(WorkflowTimer.Status))] TimerStatus WasStatus = TimerStatus.Pending);
