using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>The demo accounts of api.md.</summary>
public static class Demo
{
    public const string Admin = "admin@missionflow.local";
    public const string Committee = "thuongtruc@missionflow.local";
    public const string DelegationMember = "doangiamsat@missionflow.local";
    public const string AgencyOfficer = "socongthuong@missionflow.local";
    public const string AgencyHead = "giamdoc.socongthuong@missionflow.local";

    /// <summary>The id of the demo's mission with <paramref name="code"/>, the 2018 reference mission unless named: the demo seeds two.</summary>
    public static async Task<string> MissionIdAsync(HttpClient client, string code = ReferenceMission.Code) =>
        (await client.GetJsonAsync("/api/missions")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == code).GetProperty("id").GetString()!;
}
