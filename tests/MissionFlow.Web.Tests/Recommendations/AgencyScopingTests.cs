using System.Net;
using System.Net.Http.Json;

namespace MissionFlow.Web.Tests.Recommendations;

/// <summary>No route lets an agency see or touch another agency's missions, recommendations or files.</summary>
public sealed class AgencyScopingTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _otherOfficer = null!;
    private HttpClient _officer = null!;
    private string _missionId = "";
    private string _recommendationId = "";
    private string _evidenceId = "";
    private string _otherAgencyId = "";

    public async Task InitializeAsync()
    {
        var admin = await _app.SignInAsync(Demo.Admin);
        var agency = await (await admin.PostAsJsonAsync("/api/agencies", new { code = "STP-TH", name = "Sở Tư pháp tỉnh Thanh Hóa", email = "stp@thanhhoa.example", headEmail = "giamdoc.stp@thanhhoa.example" })).JsonAsync();
        _otherAgencyId = agency.GetProperty("id").GetString()!;
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "chuyenvien.stp@thanhhoa.example", role = "agency-officer", agencyId = _otherAgencyId, password = "Officer@2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _otherOfficer = await _app.SignInAsync("chuyenvien.stp@thanhhoa.example", "Officer@2026");

        _officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var mine = await _officer.GetJsonAsync("/api/recommendations");
        _recommendationId = mine.GetProperty("items")[0].GetProperty("id").GetString()!;
        _missionId = mine.GetProperty("items")[0].GetProperty("missionId").GetString()!;
        using var form = new MultipartFormDataContent { { new ByteArrayContent("bằng chứng"u8.ToArray()), "file", "bang-chung.txt" } };
        var evidence = await _officer.PostAsync($"/api/recommendations/{_recommendationId}/evidence", form);
        Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        _evidenceId = (await evidence.JsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Another_agency_finds_nothing_of_So_Cong_Thuong()
    {
        Assert.Equal(0, (await _otherOfficer.GetJsonAsync("/api/recommendations")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await _otherOfficer.GetJsonAsync($"/api/recommendations?agencyId={(await AgencyOf(_officer))}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await _otherOfficer.GetJsonAsync("/api/missions")).GetProperty("total").GetInt32());

        string[] reads =
        [
            $"/api/recommendations/{_recommendationId}",
            $"/api/recommendations/{_recommendationId}/actions",
            $"/api/recommendations/{_recommendationId}/journal",
            $"/api/recommendations/{_recommendationId}/evidence",
            $"/api/recommendations/{_recommendationId}/evidence/{_evidenceId}",
            $"/api/missions/{_missionId}",
            $"/api/missions/{_missionId}/journal",
            $"/api/missions/{_missionId}/actions",
            $"/api/missions/{_missionId}/documents",
        ];
        foreach (var url in reads)
            Assert.True((await _otherOfficer.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        Assert.Equal(HttpStatusCode.NotFound, (await _otherOfficer.PostAsJsonAsync($"/api/recommendations/{_recommendationId}/actions/acknowledge", new { })).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } };
        Assert.Equal(HttpStatusCode.NotFound, (await _otherOfficer.PostAsync($"/api/recommendations/{_recommendationId}/evidence", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _otherOfficer.PostAsJsonAsync($"/api/missions/{_missionId}/actions/close", new { reason = "x" })).StatusCode);

        var journal = await _officer.GetJsonAsync($"/api/recommendations/{_recommendationId}/journal");
        Assert.Equal(["start"], journal.Strings("trigger"));
    }

    [Fact]
    public async Task Agency_people_cannot_change_reference_data_or_missions()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostAsJsonAsync("/api/agencies", new { code = "X", name = "X", email = "x@x.example", headEmail = "y@x.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PutAsJsonAsync($"/api/missions/{_missionId}/conclusion", new { })).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.pdf" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostAsync($"/api/missions/{_missionId}/documents", form)).StatusCode);
        foreach (var trigger in new[] { "close", "plan-resupervision", "cancel" })
            Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostAsJsonAsync($"/api/missions/{_missionId}/actions/{trigger}", new { reason = "x", comment = "x" })).StatusCode);
    }

    private static async Task<string> AgencyOf(HttpClient client) =>
        (await client.GetJsonAsync("/api/recommendations")).GetProperty("items")[0].GetProperty("agencyId").GetString()!;
}
