namespace MissionFlow.Engine.Definitions;

/// <summary>
/// The names a definition may use that the host gives meaning to: actor roles, notification recipients and
/// facts. A definition naming anything else is refused at load, not at the first fire.
/// </summary>
public sealed record Vocabulary(IReadOnlySet<string> Roles, IReadOnlySet<string> Recipients, IReadOnlySet<string> Facts)
{
    public static Vocabulary MissionFlow { get; } = new(
        Roles: new HashSet<string> { "admin", "committee", "delegation-head", "delegation-member", "secretary", "council-office", "agency-officer", "agency-head" },
        Recipients: new HashSet<string> { "committee", "delegation-head", "delegation", "secretary", "council-office", "agency-officer", "agency-head", "superior-body" },
        Facts: new HashSet<string> { "onsite-session-recorded", "conclusion-written", "all-recommendations-closed" });
}
