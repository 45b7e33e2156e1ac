using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Workflows;

/// <summary>The stored outcome of a fire: the instance as it now is, and the transition that was written.</summary>
public sealed record FireResult(WorkflowInstance Instance, Transitioned Transition);
