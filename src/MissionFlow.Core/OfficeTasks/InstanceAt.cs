using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>The instance a ladder line is written on, and the state it is in once the line is written.</summary>
public sealed record InstanceAt(Guid Id, string State)
{
    public static InstanceAt Of(WorkflowInstance instance) => new(instance.Id, instance.State);
}
