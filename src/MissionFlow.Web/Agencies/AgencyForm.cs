namespace MissionFlow.Web.Agencies;

/// <summary>The new-agency form.</summary>
public sealed class AgencyForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? HeadEmail { get; set; }
    public string? ParentCode { get; set; }
}
