namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>The demo accounts of api.md.</summary>
public static class Demo
{
    public const string Admin = "admin@missionflow.local";
    public const string Committee = "thuongtruc@missionflow.local";
    public const string DelegationMember = "doangiamsat@missionflow.local";
    public const string AgencyOfficer = "socongthuong@missionflow.local";
    public const string AgencyHead = "giamdoc.socongthuong@missionflow.local";
}
