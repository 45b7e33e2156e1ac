namespace MissionFlow.Web.People;

/// <summary>The edit form of one account: what the admin may change after creation (not its e-mail or password).</summary>
public sealed class AccountChangeForm
{
    public string? Role { get; set; }
    public Guid? AgencyId { get; set; }
    public string? FullName { get; set; }
    public string? Language { get; set; }
}
