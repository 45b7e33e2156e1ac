using System.Net;
using System.Net.Http.Json;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Missions;

/// <summary>The Thanh Hóa mission of 8 October 2018 entered from an empty database through the HTTP API alone.</summary>
public sealed class ReferenceReplayTests
{
    [Fact]
    public async Task The_reference_mission_replayed_over_HTTP_ends_with_eight_recommendations_issued_to_So_Cong_Thuong()
    {
        await using var app = new MissionFlowApp(demo: false);
        var admin = await app.SignInAsync(MissionFlowApp.BootstrapAdmin, MissionFlowApp.BootstrapPassword);
        Assert.Equal(0, (await admin.GetJsonAsync("/api/missions")).GetProperty("total").GetInt32());

        await admin.PostAsJsonAsync("/api/agencies", new { code = "UBND-TH", name = "Ủy ban nhân dân tỉnh Thanh Hóa", email = "ubnd@thanhhoa.example", headEmail = "chutich@thanhhoa.example" }).OkJsonAsync(HttpStatusCode.Created);
        var agency = await admin.PostAsJsonAsync("/api/agencies", new { code = "SCT-TH", name = "Sở Công Thương tỉnh Thanh Hóa", email = "sct@thanhhoa.example", headEmail = "giamdoc.sct@thanhhoa.example", parentCode = "UBND-TH" }).OkJsonAsync(HttpStatusCode.Created);
        var agencyId = agency.GetProperty("id").GetGuid();
        Assert.NotNull(agency.GetProperty("parentId").GetString());
        await admin.PostAsJsonAsync("/api/users", new { email = "thuongtruc@thanhhoa.example", fullName = "Thường trực HĐND tỉnh", role = "committee", password = "Committee@2018" }).OkJsonAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/users", new { email = "chuyenvien.sct@thanhhoa.example", fullName = "Chuyên viên Sở Công Thương", role = "agency-officer", agencyId, password = "Officer@2018" }).OkJsonAsync(HttpStatusCode.Created);

        var committee = await app.SignInAsync("thuongtruc@thanhhoa.example", "Committee@2018");
        var mission = await committee.PostAsJsonAsync("/api/missions", ReferenceMission.Plan(agencyId)).OkJsonAsync(HttpStatusCode.Created);
        var id = mission.GetProperty("id").GetString();
        await committee.PostAsJsonAsync($"/api/missions/{id}/actions/approve-plan", new { }).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/missions/{id}/actions/request-report", new { }).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", ReferenceMission.Session()).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/missions/{id}/actions/hold-onsite", new { }).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/missions/{id}/actions/draft-conclusion", new { }).OkJsonAsync();
        await committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", ReferenceMission.Conclusion(agencyId)).OkJsonAsync();
        var issued = await committee.PostAsJsonAsync($"/api/missions/{id}/actions/issue-conclusion", new { }).OkJsonAsync();

        Assert.Equal("follow-up", issued.GetProperty("state").GetString());
        Assert.Equal("Giám sát công tác cải cách hành chính tại Sở Công Thương, giai đoạn 2015 – 2017", issued.GetProperty("title").GetString());
        Assert.StartsWith("Phạm Thanh Sơn", issued.GetProperty("delegation")[0].GetProperty("name").GetString());
        Assert.Equal("Hồ sơ giải quyết đúng hạn", issued.GetProperty("onsiteSessions")[0].GetProperty("figures")[5].GetProperty("name").GetString());
        Assert.Equal(99.29m, issued.GetProperty("onsiteSessions")[0].GetProperty("figures")[5].GetProperty("rate").GetDecimal());
        var recommendations = issued.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(8, recommendations.Count);
        Assert.All(recommendations, r =>
        {
            Assert.Equal("issued", r.GetProperty("state").GetString());
            Assert.Equal(agencyId, r.GetProperty("agencyId").GetGuid());
        });
        Assert.Equal("Đẩy mạnh thanh tra, kiểm tra việc thực hiện chế độ công vụ.", recommendations[5].GetProperty("text").GetString());

        // Imported history: the 2018 deadlines have passed, so every recommendation is overdue at once.
        Assert.Equal(8, issued.GetProperty("rollup").GetProperty("overdue").GetInt32());
        var journal = await committee.GetJsonAsync($"/api/missions/{id}/journal");
        Assert.Equal(6, journal.GetArrayLength());
        Assert.All(journal.EnumerateArray(), j => Assert.True(j.GetProperty("imported").GetBoolean()));

        var officer = await app.SignInAsync("chuyenvien.sct@thanhhoa.example", "Officer@2018");
        var inbox = await officer.GetJsonAsync("/api/recommendations?overdue=true");
        Assert.Equal(8, inbox.GetProperty("total").GetInt32());
    }
}
