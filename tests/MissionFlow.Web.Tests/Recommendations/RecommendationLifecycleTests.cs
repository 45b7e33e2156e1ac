using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Recommendations;

public sealed class RecommendationLifecycleTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_recommendation_lives_from_acknowledgement_through_extension_and_reopening_to_verification(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var committee = await app.SignInAsync(Demo.Committee);
        var id = await FirstRecommendationAsync(officer);

        Assert.Equal(["acknowledge"], (await officer.GetJsonAsync($"/api/recommendations/{id}/actions")).EnumerateArray().Select(a => a.GetString()));
        await Act(officer, id, "acknowledge");

        var evidence = Encoding.UTF8.GetBytes("Báo cáo kết quả tập huấn CCHC quý IV/2018");
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("Đã tổ chức 2 lớp tập huấn"), "comment" },
            { new StringContent("40"), "percent" },
        })
        {
            form.Add(new ByteArrayContent(evidence) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", "bao-cao-tap-huan.txt");
            var progress = await officer.PostAsync($"/api/recommendations/{id}/actions/report-progress", form);
            Assert.True(progress.IsSuccessStatusCode, await progress.Content.ReadAsStringAsync());
        }

        var tooEarly = await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/request-extension", new { newDeadline = "2018-01-01", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.True((await tooEarly.JsonAsync()).GetProperty("errors").TryGetProperty("newDeadline", out _));

        await Act(officer, id, "request-extension", new { newDeadline = "2019-03-29", reason = "Chờ hướng dẫn của Bộ Công Thương" });
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/grant-extension", new { })).StatusCode);
        await Act(committee, id, "grant-extension");
        await Act(officer, id, "submit");
        await Act(committee, id, "reopen", new { reason = "Chưa có số liệu kiểm chứng" });
        await Act(officer, id, "submit");
        var closed = await Act(committee, id, "verify", new { result = "done", comment = "Đã hoàn thành" });

        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal("done", closed.GetProperty("result").GetString());
        Assert.Equal("2019-03-29", closed.GetProperty("deadline").GetString());
        Assert.Equal(["2018-12-31", "2019-03-29"], closed.GetProperty("deadlineHistory").EnumerateArray().Select(d => d.GetProperty("deadline").GetString()));
        Assert.Equal("granted", closed.GetProperty("extensions")[0].GetProperty("decision").GetString());
        var report = Assert.Single(closed.GetProperty("progressReports").EnumerateArray());
        Assert.Equal(40, report.GetProperty("percent").GetInt32());
        var file = Assert.Single(report.GetProperty("files").EnumerateArray());
        Assert.Equal("bao-cao-tap-huan.txt", file.GetProperty("fileName").GetString());

        var download = await committee.GetAsync($"/api/recommendations/{id}/evidence/{file.GetProperty("id").GetString()}");
        Assert.Equal(evidence, await download.Content.ReadAsByteArrayAsync());

        var journal = await officer.GetJsonAsync($"/api/recommendations/{id}/journal");
        Assert.Equal(["start", "acknowledge", "report-progress", "request-extension", "grant-extension", "submit", "reopen", "submit", "verify"], journal.Strings("trigger"));
        Assert.Equal("Chưa có số liệu kiểm chứng", journal[6].GetProperty("comment").GetString());
        Assert.Single(journal[2].GetProperty("files").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Twenty_parallel_acknowledgements_leave_exactly_one_journal_entry(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var id = await FirstRecommendationAsync(officer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/acknowledge", new { })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var journal = await officer.GetJsonAsync($"/api/recommendations/{id}/journal");
        Assert.Equal(["start", "acknowledge"], journal.Strings("trigger"));
    }

    [Fact]
    public async Task An_action_sent_twice_with_one_Idempotency_Key_acts_once()
    {
        await using var app = new MissionFlowApp();
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var id = await FirstRecommendationAsync(officer);

        async Task<HttpResponseMessage> Send(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recommendations/{id}/actions/report-progress")
            {
                Content = JsonContent.Create(new { comment = "Đang rà soát TTHC" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await officer.SendAsync(request);
        }
        await Act(officer, id, "acknowledge");
        var first = await Send("progress-2018-11-01");
        var second = await Send("progress-2018-11-01");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var journal = await officer.GetJsonAsync($"/api/recommendations/{id}/journal");
        Assert.Equal(1, journal.Strings("trigger").Count(t => t == "report-progress"));
    }

    private static async Task<string> FirstRecommendationAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/recommendations?pageSize=10");
        return page.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("deadline").GetString() == "2018-12-31" && r.GetProperty("number").GetInt32() == 1)
            .GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> Act(HttpClient client, string id, string trigger, object? body = null) =>
        client.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", body ?? new { }).OkJsonAsync();
}
