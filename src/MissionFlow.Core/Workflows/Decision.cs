using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// A transition the runtime allowed on <see cref="Instance"/> as it was read, not yet written: the host works out
/// its effects from it, then <see cref="TransitionStore"/> writes both.
/// </summary>
public sealed record Decision(WorkflowInstance Instance, WorkflowDefinition Definition, Transitioned Transition, bool Imported = false)
{
    public string Trigger => Transition.Journal.Trigger;
}
