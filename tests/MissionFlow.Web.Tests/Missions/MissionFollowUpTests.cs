using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Tests.Missions;

/// <summary>The end of a mission: roll-up, closing, re-supervision; and its documents.</summary>
public sealed class MissionFollowUpTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _committee = null!;
    private HttpClient _officer = null!;
    private string _missionId = "";

    public async Task InitializeAsync()
    {
        _committee = await _app.SignInAsync(Demo.Committee);
        _officer = await _app.SignInAsync(Demo.AgencyOfficer);
        _missionId = await Demo.MissionIdAsync(_committee);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_mission_closes_only_when_its_recommendations_are_closed_or_with_a_reason()
    {
        var refused = await _committee.PostAsJsonAsync($"/api/missions/{_missionId}/actions/close", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("all-recommendations-closed", (await refused.JsonAsync()).GetProperty("detail").GetString());

        var closed = await _committee.PostAsJsonAsync($"/api/missions/{_missionId}/actions/close", new { reason = "Thường trực HĐND quyết định kết thúc theo dõi" }).OkJsonAsync();
        Assert.Equal("closed", closed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_roll_up_counts_states_overdue_and_on_time_closures()
    {
        var recommendations = (await _officer.GetJsonAsync($"/api/recommendations?missionId={_missionId}")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        await _officer.PostAsJsonAsync($"/api/recommendations/{recommendations[0]}/actions/acknowledge", new { }).OkJsonAsync();
        await _officer.PostAsJsonAsync($"/api/recommendations/{recommendations[0]}/actions/submit", new { }).OkJsonAsync();
        await _committee.PostAsJsonAsync($"/api/recommendations/{recommendations[0]}/actions/verify", new { result = "done", comment = "Đạt" }).OkJsonAsync();

        var rollup = (await _committee.GetJsonAsync($"/api/missions/{_missionId}")).GetProperty("rollup");
        Assert.Equal(8, rollup.GetProperty("total").GetInt32());
        Assert.Equal(7, rollup.GetProperty("byState").GetProperty("issued").GetInt32());
        Assert.Equal(1, rollup.GetProperty("byState").GetProperty("closed").GetInt32());
        Assert.Equal(7, rollup.GetProperty("overdue").GetInt32());
        // Closed today, years after its 2018 deadline: not on time.
        Assert.Equal(0m, rollup.GetProperty("onTimeClosureRate").GetDecimal());
    }

    [Fact]
    public async Task Planning_a_re_supervision_opens_a_linked_draft_for_the_recommendations_not_done()
    {
        var recommendation = (await _officer.GetJsonAsync($"/api/recommendations?missionId={_missionId}")).GetProperty("items")[0];
        var number = recommendation.GetProperty("number").GetInt32();
        var id = recommendation.GetProperty("id").GetString();
        await _officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/acknowledge", new { }).OkJsonAsync();
        await _officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/submit", new { }).OkJsonAsync();
        await _committee.PostAsJsonAsync($"/api/recommendations/{id}/actions/verify", new { result = "done", comment = "Đạt" }).OkJsonAsync();

        var old = await _committee.PostAsJsonAsync($"/api/missions/{_missionId}/actions/plan-resupervision", new { comment = "Tái giám sát năm 2019" }).OkJsonAsync();
        Assert.Equal("resupervision-planned", old.GetProperty("state").GetString());
        var nextId = old.GetProperty("resupervisionMissionId").GetString();
        var next = await _committee.GetJsonAsync($"/api/missions/{nextId}");
        Assert.Equal("draft", next.GetProperty("state").GetString());
        Assert.Equal(_missionId, next.GetProperty("previousMissionId").GetString());
        Assert.Equal("GS-2018-CCHC-SCT-TGS", next.GetProperty("code").GetString());
        // It looks at what was done after the conclusion of 8 October 2018, up to the day it is planned, under the
        // law in force that day.
        Assert.Equal("2018-10-08", next.GetProperty("periodFrom").GetString());
        var today = _app.Services.GetRequiredService<CouncilClock>().LocalDate(DateTimeOffset.UtcNow);
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), next.GetProperty("periodTo").GetString());
        Assert.Equal("law-121-2025", next.GetProperty("regime").GetString());
        Assert.Equal(2, next.GetProperty("workflow").GetProperty("version").GetInt32());
        var topic = next.GetProperty("topic").GetString()!;
        Assert.DoesNotContain($" {number},", topic + ",");
        Assert.Equal(7, topic[(topic.LastIndexOf(':') + 1)..].Split(',').Length);
    }

    [Fact]
    public async Task Documents_are_stored_with_their_hash_served_back_and_limited_in_type()
    {
        var bytes = "%PDF-1.4 Kế hoạch giám sát"u8.ToArray();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "ke-hoach-giam-sat.pdf" }, { new StringContent("plan"), "kind" } })
        {
            var stored = await _committee.PostAsync($"/api/missions/{_missionId}/documents", form);
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            var file = await stored.JsonAsync();
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            Assert.Equal(bytes, await (await _officer.GetAsync($"/api/missions/{_missionId}/documents/{file.GetProperty("id").GetString()}")).Content.ReadAsByteArrayAsync());
        }

        using var script = new MultipartFormDataContent { { new ByteArrayContent("echo"u8.ToArray()), "file", "run.sh" } };
        var refused = await _committee.PostAsync($"/api/missions/{_missionId}/documents", script);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Single((await _officer.GetJsonAsync($"/api/missions/{_missionId}/documents")).EnumerateArray());
    }

    [Fact]
    public async Task A_live_mission_refuses_a_deadline_already_past_but_an_imported_one_takes_it()
    {
        var agencyId = (await _committee.GetJsonAsync("/api/agencies")).EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString();
        foreach (var imported in new[] { false, true })
        {
            var mission = await (await _committee.PostAsJsonAsync("/api/missions", new
            {
                code = $"GS-2019-{imported}", title = "Giám sát", topic = "CCHC", periodFrom = "2018-01-01", periodTo = "2018-12-31",
                agencyIds = new[] { agencyId }, imported, regime = imported ? "law-87-2015" : null,
            })).JsonAsync();
            var id = mission.GetProperty("id").GetString();
            foreach (var trigger in new[] { "approve-plan", "request-report" })
                await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();
            await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new { date = "2019-05-02", place = "Sở" }).OkJsonAsync();
            foreach (var trigger in new[] { "hold-onsite", "draft-conclusion" })
                await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();

            var conclusion = await _committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
            {
                date = "2019-05-10", signer = "Thường trực HĐND",
                recommendations = new[] { new { agencyId, text = "Kiến nghị", deadline = "2019-12-31" } },
            });
            if (imported)
                Assert.Equal(HttpStatusCode.OK, conclusion.StatusCode);
            else
                Assert.True((await conclusion.JsonAsync()).GetProperty("errors").TryGetProperty("recommendations[0].deadline", out _));
        }
    }

}
