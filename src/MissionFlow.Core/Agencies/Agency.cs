namespace MissionFlow.Core.Agencies;

/// <summary>A supervised body; <see cref="ParentId"/> is its superior, the top rung of an escalation.</summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string HeadEmail { get; set; }
    public Guid? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public bool Active { get; set; } = true;
}
