using Microsoft.AspNetCore.Identity;

namespace MissionFlow.Core.People;

/// <summary>A person who signs in. Agency people belong to exactly one agency; committee people to none.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public Guid? AgencyId { get; set; }

    /// <summary>"vi" or "en": the language of this person's emails and pages.</summary>
    public string Language { get; set; } = "vi";
}
