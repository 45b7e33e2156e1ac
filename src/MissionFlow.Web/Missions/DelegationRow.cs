namespace MissionFlow.Web.Missions;

/// <summary>One member of the delegation, one row of the form.</summary>
public sealed class DelegationRow
{
    public string? Email { get; set; }
    public string? Role { get; set; } = "delegation-member";
    public string? Name { get; set; }
}
