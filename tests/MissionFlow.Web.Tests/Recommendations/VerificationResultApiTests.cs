using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Recommendations;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Recommendations;

namespace MissionFlow.Web.Tests.Recommendations;

/// <summary>
/// Law 121/2025's results through the HTTP API: a mission issued today runs on v3, where "partly done" keeps the
/// item open under a new deadline and every result stays in its history; the demo's 2018 mission stays on v1.
/// </summary>
public sealed class VerificationResultApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MissionFlowApp _app = shared.App;

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Partly_done_then_done_keeps_both_results_in_the_api_the_rollup_and_the_export(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var committee = await app.SignInAsync(Demo.Committee);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var clock = app.Services.GetRequiredService<CouncilClock>();
        var today = clock.LocalDate(DateTimeOffset.UtcNow);
        var (mission, land, other) = await IssueAsync(committee, today);

        var filtered = await committee.GetJsonAsync($"/api/recommendations?missionId={mission}&field={Uri.EscapeDataString("Đất đai")}");
        Assert.Equal([land], filtered.GetProperty("items").Strings("id"));
        Assert.Equal("Đất đai", (await committee.GetJsonAsync($"/api/recommendations/{land}")).GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, (await committee.GetJsonAsync($"/api/recommendations/{other}")).GetProperty("field").ValueKind);

        await Act(officer, land, "acknowledge");
        await Act(officer, land, "submit");
        var missing = await committee.PostAsJsonAsync($"/api/recommendations/{land}/actions/verify", new { result = "partly-done", comment = "Mới đạt 60%" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["newDeadline"], (await missing.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("submitted", (await committee.GetJsonAsync($"/api/recommendations/{land}")).GetProperty("state").GetString());

        var newDeadline = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var partly = await Act(committee, land, "verify", new { result = "partly-done", comment = "Mới đạt 60%", newDeadline });
        Assert.Equal("in-progress", partly.GetProperty("state").GetString());
        Assert.Equal(newDeadline, partly.GetProperty("deadline").GetString());
        Assert.Equal("partly-done", partly.GetProperty("result").GetString());
        Assert.Equal(["report-progress", "request-extension", "submit"], (await officer.GetJsonAsync($"/api/recommendations/{land}/actions")).EnumerateArray().Select(a => a.GetString()));

        await Act(officer, land, "submit");
        var done = await Act(committee, land, "verify", new { result = "done", comment = "Đã hoàn thành" });

        Assert.Equal("closed", done.GetProperty("state").GetString());
        Assert.Equal("done", done.GetProperty("result").GetString());
        var results = done.GetProperty("results");
        Assert.Equal(["partly-done", "done"], results.Strings("result"));
        Assert.Equal(["Mới đạt 60%", "Đã hoàn thành"], results.Strings("comment"));
        Assert.Equal([Demo.Committee, Demo.Committee], results.Strings("by"));
        Assert.Equal(newDeadline, done.GetProperty("deadlineHistory")[1].GetProperty("deadline").GetString());

        var rollup = (await committee.GetJsonAsync($"/api/missions/{mission}")).GetProperty("rollup").GetProperty("byResult");
        Assert.Equal(1, rollup.GetProperty("done").GetInt32());
        Assert.False(rollup.TryGetProperty("partly-done", out _));

        var rows = await ExportRowsAsync(app, mission);
        var row = Assert.Single(rows, r => r.Recommendation.Id.ToString() == land);
        Assert.Equal("done", row.Result);
        Assert.Equal($"{today:dd/MM/yyyy} Hoàn thành một phần; {today:dd/MM/yyyy} Hoàn thành", row.History);
        Assert.Equal("", Assert.Single(rows, r => r.Recommendation.Id.ToString() == other).History);
    }

    [Fact]
    public async Task The_committee_ends_a_follow_up_with_a_reason_which_the_agency_may_not()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var (_, land, _) = await IssueAsync(committee, _app.Services.GetRequiredService<CouncilClock>().LocalDate(DateTimeOffset.UtcNow), "GS-KETTHUC-2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/recommendations/{land}/actions/end-follow-up", new { reason = "x" })).StatusCode);
        var noReason = await committee.PostAsJsonAsync($"/api/recommendations/{land}/actions/end-follow-up", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var ended = await Act(committee, land, "end-follow-up", new { reason = "Nội dung đã được xử lý theo kết luận khác" });

        Assert.Equal("closed", ended.GetProperty("state").GetString());
        Assert.Equal(ResultHistory.Ended, ended.GetProperty("result").GetString());
        var entry = Assert.Single(ended.GetProperty("results").EnumerateArray());
        Assert.Equal("Nội dung đã được xử lý theo kết luận khác", entry.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task The_2018_mission_stays_on_its_v1_where_partly_done_closes_without_a_new_deadline()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var page = await officer.GetJsonAsync($"/api/recommendations?missionId={await Demo.MissionIdAsync(committee)}&pageSize=10");
        var id = page.GetProperty("items").EnumerateArray().First(r => r.GetProperty("state").GetString() == "issued").GetProperty("id").GetString()!;
        await Act(officer, id, "acknowledge");
        await Act(officer, id, "submit");

        var closed = await Act(committee, id, "verify", new { result = "partly-done", comment = "Đạt một phần" });

        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal(1, closed.GetProperty("workflow").GetProperty("version").GetInt32());
        Assert.Equal(["partly-done"], closed.GetProperty("results").Strings("result"));
    }

    /// <summary>The export's rows, as the committee's Excel or CSV download reads them, in Vietnamese.</summary>
    private static async Task<List<FollowUpRow>> ExportRowsAsync(MissionFlowApp app, string mission)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("vi");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var rows = scope.ServiceProvider.GetRequiredService<FollowUpRows>();
            return await rows.StreamAsync(new RecommendationFilter(MissionId: Guid.Parse(mission)), CancellationToken.None).ToListAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>A Law 121/2025 mission issued today with two recommendations to Sở Công Thương, the first on land.</summary>
    private static async Task<(string Mission, string Land, string Other)> IssueAsync(HttpClient committee, DateOnly today, string code = "GS-KETQUA-2026")
    {
        var agency = await IssuedMission.AgencyIdAsync(committee);
        var issued = await IssuedMission.IssueAsync(committee, code, today,
        [
            new(agency, "Cấp giấy chứng nhận quyền sử dụng đất đúng hạn.", today.AddDays(30), "Đất đai"),
            new(agency, "Công khai thủ tục hành chính.", today.AddDays(30)),
        ], topic: "Đất đai");
        var items = issued.RecommendationIds();
        return (issued.GetProperty("id").GetString()!, items[0], items[1]);
    }

    private static Task<JsonElement> Act(HttpClient client, string id, string trigger, object? body = null) =>
        client.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", body ?? new { }).OkJsonAsync();
}
