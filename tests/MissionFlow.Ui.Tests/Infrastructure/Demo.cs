namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>The demo accounts of the README.</summary>
public static class Demo
{
    public const string Password = MissionFlow.Core.Seeding.DemoAccounts.Password;
    public const string Admin = "admin@missionflow.local";
    public const string Committee = "thuongtruc@missionflow.local";
    public const string DelegationMember = "doangiamsat@missionflow.local";
    public const string AgencyOfficer = "socongthuong@missionflow.local";
    public const string AgencyHead = "giamdoc.socongthuong@missionflow.local";
}
