using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Missions;

public sealed class MissionLifecycleTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _committee = null!;
    private string _agencyId = "";

    public async Task InitializeAsync()
    {
        _committee = await _app.SignInAsync(Demo.Committee);
        var agencies = await _committee.GetJsonAsync("/api/agencies");
        _agencyId = agencies.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_committee_takes_a_mission_from_draft_to_follow_up_and_the_agency_only_reads()
    {
        var created = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2026-01"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mission = await created.JsonAsync();
        Assert.Equal("draft", mission.GetProperty("state").GetString());
        var id = mission.GetProperty("id").GetString();

        var actions = await _committee.GetJsonAsync($"/api/missions/{id}/actions");
        Assert.Equal(["approve-plan", "cancel"], actions.EnumerateArray().Select(a => a.GetString()));

        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal("Giám sát việc giải quyết thủ tục hành chính năm 2026", (await officer.GetJsonAsync($"/api/missions/{id}")).GetProperty("title").GetString());
        Assert.Empty((await officer.GetJsonAsync($"/api/missions/{id}/actions")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/missions/{id}/actions/approve-plan", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/missions", NewMission("GS-2026-02"))).StatusCode);

        await Act(id, "approve-plan");
        await Act(id, "request-report");
        var session = await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new
        {
            date = "2026-03-10",
            place = "Trụ sở Sở Công Thương",
            attendees = new[] { "Đoàn giám sát", "Lãnh đạo Sở" },
            figures = new object[]
            {
                new { name = "Hồ sơ tiếp nhận", value = 1200, unit = "hồ sơ" },
                new { name = "Hồ sơ đúng hạn", value = 1188, unit = "hồ sơ", partOf = "Hồ sơ tiếp nhận" },
            },
            minutes = "Biên bản làm việc",
        });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(99m, (await session.JsonAsync()).GetProperty("onsiteSessions")[0].GetProperty("figures")[1].GetProperty("rate").GetDecimal());
        await Act(id, "hold-onsite");
        await Act(id, "draft-conclusion");

        var conclusion = await _committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
        {
            date = "2026-03-20",
            signer = "Phó Chủ tịch Thường trực HĐND tỉnh",
            achievements = "Kết quả tích cực",
            shortcomings = new[] { "Phối hợp liên ngành còn hạn chế" },
            recommendations = new object[]
            {
                new { agencyId = _agencyId, text = "Thực hiện cơ chế một cửa liên thông", deadline = "2027-06-30", deadlineBasis = "calendar", priority = "high" },
                new { agencyId = _agencyId, text = "Tập huấn cán bộ, công chức", deadline = "2027-09-30", deadlineBasis = "working", priority = "normal" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, conclusion.StatusCode);
        var issued = await Act(id, "issue-conclusion");

        Assert.Equal("follow-up", issued.GetProperty("state").GetString());
        var recommendations = issued.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(2, recommendations.Count);
        Assert.All(recommendations, r => Assert.Equal("issued", r.GetProperty("state").GetString()));
        Assert.Equal("2027-06-30", recommendations[0].GetProperty("deadline").GetString());

        var journal = await _committee.GetJsonAsync($"/api/missions/{id}/journal");
        Assert.Equal(["start", "approve-plan", "request-report", "hold-onsite", "draft-conclusion", "issue-conclusion"], journal.Strings("trigger"));
        Assert.All(journal.EnumerateArray(), j => Assert.Equal(Demo.Committee, j.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_the_field_and_stores_nothing()
    {
        var before = (await _committee.GetJsonAsync("/api/missions")).GetProperty("total").GetInt32();
        var missing = await _committee.PostAsJsonAsync("/api/missions", NewMission("") );
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));

        var noAgency = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-X") with { agencyIds = [Guid.NewGuid().ToString()] });
        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
        Assert.True((await noAgency.JsonAsync()).GetProperty("errors").TryGetProperty("agencyIds", out _));

        Assert.Equal(before, (await _committee.GetJsonAsync("/api/missions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Stale_unknown_and_incomplete_actions_answer_409_404_and_400()
    {
        var id = (await (await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2026-03"))).JsonAsync()).GetProperty("id").GetString();

        var stale = await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/hold-onsite", new { });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("draft", (await stale.JsonAsync()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/fly-away", new { })).StatusCode);

        var noReason = await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/cancel", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var duplicate = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2026-03"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var journal = await _committee.GetJsonAsync($"/api/missions/{id}/journal");
        Assert.Equal(["start"], journal.Strings("trigger"));
    }

    private Task<JsonElement> Act(string? id, string trigger, object? body = null) =>
        _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", body ?? new { }).OkJsonAsync();

    private NewMissionBody NewMission(string code) => new(
        code,
        "Giám sát việc giải quyết thủ tục hành chính năm 2026",
        "Cải cách thủ tục hành chính",
        "2025-01-01",
        "2025-12-31",
        "Luật số 121/2025/QH15",
        [_agencyId],
        [new("doangiamsat@missionflow.local", "delegation-head")],
        new("2026-03-01", "2026-03-10", "2026-03-25"));

    private sealed record NewMissionBody(string code, string title, string topic, string periodFrom, string periodTo, string legalBasis,
        string[] agencyIds, DelegateBody[] delegation, ScheduleBody schedule);
    private sealed record DelegateBody(string email, string role);
    private sealed record ScheduleBody(string reportDue, string onSiteDate, string conclusionDue);
}
