using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Jobs;

namespace MissionFlow.Web.Tests.Idempotency;

/// <summary>An Idempotency-Key stands for one request of one account, for a day: never for another request or another account.</summary>
public sealed class IdempotencyKeyTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private MissionFlowApp? _app;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _officer = null!;
    private string _id = "";

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The app on <paramref name="provider"/>, its clock in the test's hand, and an acknowledged recommendation.</summary>
    private async Task StartAsync(string provider = "sqlite")
    {
        _app = new MissionFlowApp(provider);
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));
        _officer = await _host.SignInAsync(Demo.AgencyOfficer);
        var page = await _officer.GetJsonAsync("/api/recommendations?pageSize=1");
        _id = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        await _officer.PostAsJsonAsync($"/api/recommendations/{_id}/actions/acknowledge", new { }).OkJsonAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is null)
            return;
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private Task<HttpResponseMessage> ReportProgress(string key, string comment) =>
        Send(_officer, key, $"/api/recommendations/{_id}/actions/report-progress", JsonContent.Create(new { comment }));

    private async Task<List<string?>> ProgressCommentsAsync()
    {
        var journal = await _officer.GetJsonAsync($"/api/recommendations/{_id}/journal");
        return journal.EnumerateArray().Where(j => j.GetProperty("trigger").GetString() == "report-progress")
            .Select(j => j.GetProperty("comment").GetString()).ToList();
    }

    private static async Task AssertKeyReusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Contains("another request", problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString());
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task The_same_key_with_another_body_or_route_is_refused_with_422_and_acts_once(string provider)
    {
        await StartAsync(provider);
        var first = await ReportProgress("report-1", "Đã rà soát 120 thủ tục");
        var otherBody = await ReportProgress("report-1", "Đã rà soát 150 thủ tục");
        var otherRoute = await Send(_officer, "report-1", $"/api/recommendations/{_id}/actions/request-extension",
            JsonContent.Create(new { newDeadline = "2019-06-28", reason = "Chờ hướng dẫn" }));
        var again = await ReportProgress("report-1", "Đã rà soát 120 thủ tục");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertKeyReusedAsync(otherBody);
        await AssertKeyReusedAsync(otherRoute);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(["Đã rà soát 120 thủ tục"], await ProgressCommentsAsync());
        Assert.Equal("in-progress", (await _officer.GetJsonAsync($"/api/recommendations/{_id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_form_sent_again_is_replayed_whatever_its_boundary_and_another_file_under_the_key_is_refused()
    {
        await StartAsync();
        MultipartFormDataContent Form(string fileText)
        {
            var form = new MultipartFormDataContent { { new StringContent("Kèm báo cáo quý IV"), "comment" }, { new StringContent("40"), "percent" } };
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(fileText)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", "bao-cao.txt");
            return form;
        }
        var path = $"/api/recommendations/{_id}/actions/report-progress";

        var first = await Send(_officer, "report-with-file", path, Form("Báo cáo quý IV/2018: 45 công chức được tập huấn"));
        var again = await Send(_officer, "report-with-file", path, Form("Báo cáo quý IV/2018: 45 công chức được tập huấn"));
        var otherFile = await Send(_officer, "report-with-file", path, Form("Báo cáo quý IV/2018: 54 công chức được tập huấn"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await AssertKeyReusedAsync(otherFile);
        Assert.Single(await ProgressCommentsAsync());
        Assert.Single((await _officer.GetJsonAsync($"/api/recommendations/{_id}/evidence")).EnumerateArray());
    }

    [Fact]
    public async Task Two_accounts_using_one_key_each_act_on_their_own()
    {
        await StartAsync();
        var committee = await _host.SignInAsync(Demo.Committee);
        var admin = await _host.SignInAsync(Demo.Admin);
        var agencyId = (await committee.GetJsonAsync("/api/agencies"))[0].GetProperty("id").GetString();
        var mission = new
        {
            code = "GS-2026-IDEM",
            title = "Giám sát việc giải quyết thủ tục hành chính",
            topic = "Giải quyết thủ tục hành chính năm 2026",
            periodFrom = "2026-01-01",
            periodTo = "2026-06-30",
            agencyIds = new[] { agencyId },
        };

        var byCommittee = await Send(committee, "new-mission", "/api/missions", JsonContent.Create(mission));
        var byAdmin = await Send(admin, "new-mission", "/api/missions", JsonContent.Create(mission));

        Assert.Equal(HttpStatusCode.Created, byCommittee.StatusCode);
        // The admin's request acts (and meets the committee's mission code) instead of getting the committee's answer.
        Assert.Equal(HttpStatusCode.Conflict, byAdmin.StatusCode);
        Assert.False(byAdmin.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("GS-2026-IDEM", await byAdmin.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_key_acts_anew_after_its_lifetime_and_the_hourly_job_deletes_expired_records(string provider)
    {
        await StartAsync(provider);
        Assert.Equal(HttpStatusCode.OK, (await ReportProgress("daily-report", "Ngày thứ nhất")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportProgress("old-report", "Báo cáo cũ")).StatusCode);
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        _officer = await _host.SignInAsync(Demo.AgencyOfficer); // the bearer token of yesterday has expired too

        var nextDay = await ReportProgress("daily-report", "Ngày thứ hai");
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
        Assert.False(nextDay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["Ngày thứ nhất", "Báo cáo cũ", "Ngày thứ hai"], await ProgressCommentsAsync());

        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdempotencyPurgeJob>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        Assert.Equal(["daily-report"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
    }
}
