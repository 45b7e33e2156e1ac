namespace MissionFlow.Engine.Runtime;

/// <summary>Who fires a trigger: their id for the journal, their roles, and the agency they belong to if any.</summary>
public sealed record Actor(string Id, IReadOnlySet<string> Roles, string? AgencyId = null)
{
    /// <summary>The system itself, firing timers: holds every role so definitions need not name it.</summary>
    public static Actor System { get; } = new("system", new HashSet<string>());

    public bool IsSystem => ReferenceEquals(this, System);
}
