using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Missions;

/// <summary>
/// Law 121/2025/QH15 governs supervision from 1 March 2026: a mission planned now runs on its definitions, while the
/// imported 2018 mission, concluded under Law 87/2015/QH13, keeps that law's, and so do its recommendations.
/// </summary>
public sealed class RegimeTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _committee = null!;
    private string _agencyId = "";

    public async Task InitializeAsync()
    {
        _committee = await _app.SignInAsync(Demo.Committee);
        _agencyId = (await _committee.GetJsonAsync("/api/agencies")).EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_mission_planned_now_and_its_recommendations_run_on_Law_121_2025s_definitions()
    {
        var created = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2026-121")).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("law-121-2025", created.GetProperty("regime").GetString());
        Assert.Equal(2, created.GetProperty("workflow").GetProperty("version").GetInt32());

        var issued = await ToFollowUpAsync(created.GetProperty("id").GetString()!);
        var recommendation = await _committee.GetJsonAsync($"/api/recommendations/{issued.GetProperty("recommendations")[0].GetProperty("id").GetString()}");
        Assert.Equal(3, recommendation.GetProperty("workflow").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_imported_2018_mission_and_its_recommendations_stay_on_Law_87_2015s_definitions()
    {
        var reference = (await _committee.GetJsonAsync("/api/missions")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == ReferenceMission.Code);
        var mission = await _committee.GetJsonAsync($"/api/missions/{reference.GetProperty("id").GetString()}");
        Assert.Equal("law-87-2015", mission.GetProperty("regime").GetString());
        Assert.Equal(1, mission.GetProperty("workflow").GetProperty("version").GetInt32());
        foreach (var item in mission.GetProperty("recommendations").EnumerateArray())
            Assert.Equal(1, (await _committee.GetJsonAsync($"/api/recommendations/{item.GetProperty("id").GetString()}")).GetProperty("workflow").GetProperty("version").GetInt32());

        var imported = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2019-87") with { regime = "law-87-2015", imported = true }).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("law-87-2015", imported.GetProperty("regime").GetString());
        Assert.Equal(1, imported.GetProperty("workflow").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_mission_planned_now_under_the_repealed_law_or_an_import_naming_no_law_is_refused_naming_regime()
    {
        var repealed = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2026-87") with { regime = "law-87-2015" });
        Assert.Equal(HttpStatusCode.BadRequest, repealed.StatusCode);
        Assert.True((await repealed.JsonAsync()).GetProperty("errors").TryGetProperty("regime", out _));

        var unnamed = await _committee.PostAsJsonAsync("/api/missions", NewMission("GS-2019-X") with { imported = true });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.True((await unnamed.JsonAsync()).GetProperty("errors").TryGetProperty("regime", out _));

        Assert.Equal([ReferenceMission.Code, CurrentMission.Code], (await _committee.GetJsonAsync("/api/missions")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()).Order());
    }

    private async Task<JsonElement> ToFollowUpAsync(string id)
    {
        foreach (var trigger in new[] { "approve-plan", "request-report" })
            await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();
        await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new { date = "2026-11-10", place = "Sở Công Thương" }).OkJsonAsync();
        foreach (var trigger in new[] { "hold-onsite", "draft-conclusion" })
            await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();
        await _committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
        {
            date = "2026-11-20", signer = "Phó Chủ tịch Thường trực HĐND tỉnh",
            recommendations = new[] { new { agencyId = _agencyId, text = "Thực hiện cơ chế một cửa liên thông", deadline = "2027-06-30" } },
        }).OkJsonAsync();
        return await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/issue-conclusion", new { }).OkJsonAsync();
    }

    private NewMissionBody NewMission(string code) => new(code, "Giám sát việc giải quyết thủ tục hành chính", "Cải cách thủ tục hành chính",
        "2025-01-01", "2025-12-31", [_agencyId]);

    private sealed record NewMissionBody(string code, string title, string topic, string periodFrom, string periodTo, string[] agencyIds,
        string? regime = null, bool imported = false);
}
