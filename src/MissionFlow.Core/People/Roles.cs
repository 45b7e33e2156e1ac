namespace MissionFlow.Core.People;

/// <summary>The roles of Identity; the same names the workflow definitions guard their triggers with.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Committee = "committee";
    public const string DelegationHead = "delegation-head";
    public const string DelegationMember = "delegation-member";
    public const string Secretary = "secretary";
    public const string AgencyOfficer = "agency-officer";
    public const string AgencyHead = "agency-head";

    /// <summary>The Council Office (Văn phòng HĐND): drafts, issues and records the council's official letters.</summary>
    public const string CouncilOffice = "council-office";

    public static IReadOnlyList<string> All { get; } = [Admin, Committee, DelegationHead, DelegationMember, Secretary, CouncilOffice, AgencyOfficer, AgencyHead];

    public static bool IsAgencyRole(string role) => role is AgencyOfficer or AgencyHead;

    /// <summary>The roles a mission's delegation lists; they act only on the missions listing them.</summary>
    public static bool IsDelegationRole(string role) => role is DelegationHead or DelegationMember or Secretary;
}
