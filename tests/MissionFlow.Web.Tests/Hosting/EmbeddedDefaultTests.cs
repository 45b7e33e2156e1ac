using System.Net;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Hosting;

public sealed class EmbeddedDefaultTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fresh_install_answers_health_and_serves_its_OpenAPI_document()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var openApi = await client.GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/missions", paths);
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/missions/{id}/actions/{trigger}", paths);
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "missionflow.db")));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task The_committee_sees_the_reference_mission_with_its_eight_recommendations_issued(string provider)
    {
        await using var app = provider == "sqlite" ? null : new MissionFlowApp(provider);
        var committee = await (app ?? _app).SignInAsync(Demo.Committee);
        var mission = await committee.GetJsonAsync($"/api/missions/{await Demo.MissionIdAsync(committee)}");
        Assert.Equal("follow-up", mission.GetProperty("state").GetString());
        Assert.Equal("Giám sát công tác cải cách hành chính tại Sở Công Thương, giai đoạn 2015 – 2017", mission.GetProperty("title").GetString());
        Assert.Equal("supervision-mission", mission.GetProperty("workflow").GetProperty("id").GetString());
        var recommendations = mission.GetProperty("recommendations");
        Assert.Equal(8, recommendations.GetArrayLength());
        Assert.All(recommendations.EnumerateArray(), r => Assert.Equal("issued", r.GetProperty("state").GetString()));
        Assert.Equal("Từng bước hiện đại hóa hành chính.", recommendations[7].GetProperty("text").GetString());

        var figures = mission.GetProperty("onsiteSessions")[0].GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(8, figures.Count);
        var onTime = figures.Single(f => f.GetProperty("name").GetString() == "Hồ sơ giải quyết đúng hạn");
        Assert.Equal(99.29m, onTime.GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task The_reference_mission_reads_as_the_article_tells_it_and_flags_the_figures_that_do_not_add_up()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var id = await Demo.MissionIdAsync(committee);
        var mission = await committee.GetJsonAsync($"/api/missions/{id}");

        // "ghi nhận những kết quả đạt được…" is the delegation head's assessment, not the agency's self-report.
        Assert.StartsWith("Ghi nhận những kết quả đạt được trong công tác lãnh đạo, chỉ đạo về CCHC",
            mission.GetProperty("conclusion").GetProperty("achievements").GetString());
        var office = mission.GetProperty("delegation").EnumerateArray().Single(d => d.GetProperty("name").GetString()!.Contains("Văn phòng HĐND"));
        Assert.Equal("delegation-member", office.GetProperty("role").GetString());
        var schedule = mission.GetProperty("schedule");
        Assert.True(schedule.GetProperty("reportDueAssumed").GetBoolean());
        Assert.True(schedule.GetProperty("conclusionDueAssumed").GetBoolean());

        var session = mission.GetProperty("onsiteSessions")[0];
        var plan = session.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Nhiệm vụ kế hoạch CCHC hằng năm hoàn thành");
        Assert.Equal((90m, "%", "trên"), (plan.GetProperty("value").GetDecimal(), plan.GetProperty("unit").GetString(), plan.GetProperty("qualifier").GetString()));
        var gap = Assert.Single(session.GetProperty("gaps").EnumerateArray());
        Assert.Equal(("Hồ sơ đã giải quyết", 31m), (gap.GetProperty("whole").GetString(), gap.GetProperty("difference").GetDecimal()));

        var page = await (await _app.SignInPagesAsync(Demo.Committee)).GetStringAsync($"/Missions/Details/{id}");
        Assert.Contains("trên 90 %", page);
        Assert.Contains("chênh lệch 31 chưa được giải thích", page);
        Assert.Contains("ngày giả định (nguồn không nêu)", page);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_refused_and_the_API_needs_a_token()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsync("/api/auth/login", JsonContent(new { email = Demo.Committee, password = "wrong" }));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/missions")).StatusCode);
    }

    [Fact]
    public async Task The_journal_records_the_replayed_history_as_imported()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var id = await Demo.MissionIdAsync(committee);
        var journal = await committee.GetJsonAsync($"/api/missions/{id}/journal");
        Assert.Equal(["start", "approve-plan", "request-report", "hold-onsite", "draft-conclusion", "issue-conclusion"], journal.Strings("trigger"));
        Assert.True(journal[0].GetProperty("imported").GetBoolean());
        Assert.Equal("follow-up", journal[5].GetProperty("to").GetString());
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
