namespace MissionFlow.Core.Persistence;

/// <summary>
/// A number that moves whenever this process commits a write through MissionFlowDbContext, so a figure computed
/// at stamp N is known stale once the stamp has moved past N. Another node's writes do not move it: caches keyed
/// on it also expire by age (DeskCache).
/// </summary>
public sealed class CommitStamp
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    internal void Move() => Interlocked.Increment(ref _value);
}
