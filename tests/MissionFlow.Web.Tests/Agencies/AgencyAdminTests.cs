using System.Net;
using System.Net.Http.Json;

namespace MissionFlow.Web.Tests.Agencies;

public sealed class AgencyAdminTests
{
    [Fact]
    public async Task The_admin_deactivates_an_agency_and_no_new_mission_can_supervise_it()
    {
        await using var app = new MissionFlowApp();
        var admin = await app.SignInAsync(Demo.Admin);
        var agency = await admin.PostAsJsonAsync("/api/agencies", new { code = "SXD-TH", name = "Sở Xây dựng", email = "sxd@thanhhoa.example", headEmail = "gd.sxd@thanhhoa.example", parentCode = "UBND-TH" })
            .OkJsonAsync(HttpStatusCode.Created);
        var id = agency.GetProperty("id").GetString();

        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"/api/agencies/{id}", new { name = "x", email = "a@b.example", headEmail = "c@d.example" })).StatusCode);

        var updated = await admin.PutAsJsonAsync($"/api/agencies/{id}", new { name = "Sở Xây dựng tỉnh Thanh Hóa", email = "sxd@thanhhoa.example", headEmail = "giamdoc.sxd@thanhhoa.example", parentCode = "UBND-TH", active = false })
            .OkJsonAsync();
        Assert.False(updated.GetProperty("active").GetBoolean());
        Assert.Equal("Sở Xây dựng tỉnh Thanh Hóa", (await admin.GetJsonAsync($"/api/agencies/{id}")).GetProperty("name").GetString());

        var committee = await app.SignInAsync(Demo.Committee);
        var refused = await committee.PostAsJsonAsync("/api/missions", new { code = "GS-SXD", title = "Giám sát", topic = "Xây dựng", periodFrom = "2026-01-01", periodTo = "2026-06-30", agencyIds = new[] { id } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no longer active", (await refused.JsonAsync()).GetProperty("errors").GetProperty("agencyIds")[0].GetString());
    }
}
