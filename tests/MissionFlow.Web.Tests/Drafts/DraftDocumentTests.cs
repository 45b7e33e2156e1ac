using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;

namespace MissionFlow.Web.Tests.Drafts;

/// <summary>
/// Drafts as the Council Office downloads them, on the demo's 2018 mission: a ladder rung's letter and the
/// mission's conclusion notice open in a standard parser, in the national format, naming the recommendation, its
/// deadline, its verification results and the letters recorded before it. Agency people get none.
/// </summary>
public sealed class DraftDocumentTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MissionFlowApp _app = shared.App;

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static TheoryData<string> Providers() => PostgresServer.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rung_draft_names_the_recommendation_its_results_and_the_letters_recorded_before_it(string provider)
    {
        await using var app = new MissionFlowApp(provider);
        var committee = await app.SignInAsync(Demo.Committee);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var recommendation = (await officer.GetJsonAsync("/api/recommendations")).GetProperty("items")[0];
        var id = recommendation.GetProperty("id").GetString()!;
        var text = recommendation.GetProperty("text").GetString()!;
        foreach (var trigger in new[] { "acknowledge", "submit" })
            await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", new { }).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/recommendations/{id}/actions/verify", new { result = "partly-done", comment = "Còn 2 thủ tục chưa công khai" }).OkJsonAsync();

        Guid task;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            var recommendationId = Guid.Parse(id);
            db.OfficeTasks.Add(new OfficeTask
            {
                RecommendationId = recommendationId, Kind = "reminder-letter", Level = 1, OpenedAt = DateTimeOffset.UtcNow, State = OfficeTaskState.Done,
                DocumentNumber = "245/HĐND-VP", DocumentDate = new DateOnly(2026, 11, 5), Signer = "Lê Văn A",
            });
            var second = new OfficeTask { RecommendationId = recommendationId, Kind = "second-reminder-letter", Level = 2, OpenedAt = DateTimeOffset.UtcNow };
            db.OfficeTasks.Add(second);
            await db.SaveChangesAsync();
            task = second.Id;
        }

        var office = await app.SignInAsync("vanphong@missionflow.local");
        using var response = await office.GetAsync($"/api/office-tasks/{task}/draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"GS-2018-CCHC-SCT-\d+-second-reminder-letter\.docx", response.Content.Headers.ContentDisposition!.FileName ?? response.Content.Headers.ContentDisposition.FileNameStar);

        var docx = DocxReader.Open(await response.Content.ReadAsByteArrayAsync());
        docx.AssertNationalFormat();
        Assert.Contains("V/v đôn đốc thực hiện kiến nghị sau giám sát (lần 2)", docx.Text);
        Assert.Contains("Kính gửi: Sở Công Thương", docx.Text);
        Assert.Contains(text, docx.Text);
        Assert.Contains("hoàn thành một phần (Còn 2 thủ tục chưa công khai)", docx.Text);
        Assert.Contains("Công văn đôn đốc số 245/HĐND-VP ngày 05/11/2026", docx.Text);
        Assert.Contains("Quý cơ quan", docx.Text);

        Assert.True((await officer.GetAsync($"/api/office-tasks/{task}/draft")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/office-tasks/{Guid.NewGuid()}/draft")).StatusCode);
    }

    [Fact]
    public async Task The_conclusion_notice_lists_every_recommendation_with_its_deadline_and_the_results_report_follows_them()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var mission = (await committee.GetJsonAsync("/api/missions")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "GS-2018-CCHC-SCT");
        var missionId = mission.GetProperty("id").GetString()!;
        var recommendations = (await committee.GetJsonAsync($"/api/missions/{missionId}")).GetProperty("recommendations").EnumerateArray().ToList();

        using var notice = await committee.GetAsync($"/api/missions/{missionId}/drafts/conclusion-notice");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal(DocxType, notice.Content.Headers.ContentType!.MediaType);
        Assert.Contains("GS-2018-CCHC-SCT-conclusion-notice.docx", notice.Content.Headers.ContentDisposition!.ToString());
        var docx = DocxReader.Open(await notice.Content.ReadAsByteArrayAsync());
        docx.AssertNationalFormat();
        Assert.Contains("THÔNG BÁO", docx.Text);
        Assert.Contains("Số:        /TB-HĐND", docx.Text);
        foreach (var r in recommendations)
            Assert.Contains($"{r.GetProperty("number").GetInt32()}. {r.GetProperty("text").GetString()} Thời hạn thực hiện: {DateOnly.Parse(r.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture):dd/MM/yyyy}", docx.Text);

        var report = DocxReader.Open(await committee.GetByteArrayAsync($"/api/missions/{missionId}/drafts/results-report"));
        report.AssertNationalFormat();
        Assert.Contains("BÁO CÁO", report.Text);
        Assert.Contains("chưa có kết quả xác minh", report.Text);

        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/missions/{missionId}/drafts/conclusion-notice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/api/missions/{missionId}/drafts/minutes")).StatusCode);
    }

    [Fact]
    public async Task The_draft_routes_are_in_the_OpenAPI_document_as_Word_files()
    {
        var paths = (await _app.CreateClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/office-tasks/{id}/draft", "/api/missions/{id}/drafts/{kind}" })
            Assert.True(paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(DocxType, out _), path);
    }

    [Fact]
    public async Task The_conclusion_notice_waits_for_the_conclusion()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var agency = (await committee.GetJsonAsync("/api/agencies"))[0].GetProperty("id").GetString()!;
        var mission = await committee.PostAsJsonAsync("/api/missions", new
        {
            code = "GS-2026-MOI", title = "Giám sát mới", topic = "Cải cách hành chính", periodFrom = "2025-01-01", periodTo = "2025-12-31",
            legalBasis = "Luật Hoạt động giám sát", agencyIds = new[] { agency },
        }).OkJsonAsync(HttpStatusCode.Created);
        var missionId = mission.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Conflict, (await committee.GetAsync($"/api/missions/{missionId}/drafts/conclusion-notice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/api/missions/{missionId}/drafts/results-report")).StatusCode);
    }
}
