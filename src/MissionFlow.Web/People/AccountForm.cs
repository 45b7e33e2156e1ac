namespace MissionFlow.Web.People;

/// <summary>The new-account form; an agency is given only with an agency role.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }
    public string? FullName { get; set; }
    public string? Role { get; set; }
    public Guid? AgencyId { get; set; }
    public string? Password { get; set; }
    public string? Language { get; set; } = "vi";
}
