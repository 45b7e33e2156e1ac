using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.OfficeTasks;

namespace MissionFlow.Web.Tests.Access;

/// <summary>
/// A mission over two agencies, as councils often run one topic across departments: Sở Công Thương (A, the demo's)
/// and Sở Tư pháp (B). A's recommendation, progress comment, evidence and report carry <see cref="Secret"/>, which
/// nothing B's people receive may contain. One delegation head is listed in the mission's delegation, another is not.
/// </summary>
public sealed class SharedMission(MissionFlowApp app)
{
    /// <summary>In every text of A's that B must never see; the ASCII twin is in A's file names.</summary>
    public const string Secret = "MẬT-A-7F3";
    public const string SecretAscii = "MATA7F3";

    public const string OfficerB = "chuyenvien.stp@thanhhoa.example";
    public const string ListedHead = "truongdoan@hdnd.example";
    public const string UnlistedHead = "phobandoan@hdnd.example";
    public const string Password = "Mat-khau-du-dai-2026";

    public string MissionId { get; private set; } = "";
    public string AgencyA { get; private set; } = "";
    public string AgencyB { get; private set; } = "";
    public string RecommendationA { get; private set; } = "";
    public string RecommendationB { get; private set; } = "";
    public string EvidenceA { get; private set; } = "";
    public string ReportA { get; private set; } = "";
    public string PlanDocument { get; private set; } = "";
    /// <summary>A's open Office task: the request for explanation, due at once once A's item is found not implemented.</summary>
    public string OfficeTaskA { get; private set; } = "";
    public HttpClient Committee { get; private set; } = null!;

    public async Task BuildAsync()
    {
        var admin = await app.SignInAsync(Demo.Admin);
        Committee = await app.SignInAsync(Demo.Committee);
        AgencyA = (await Committee.GetJsonAsync("/api/agencies")).EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString()!;
        AgencyB = (await admin.PostAsJsonAsync("/api/agencies", new { code = "STP-TH", name = "Sở Tư pháp tỉnh Thanh Hóa", email = "stp@thanhhoa.example", headEmail = "giamdoc.stp@thanhhoa.example" })
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await admin.PostAsJsonAsync("/api/users", new { email = OfficerB, role = "agency-officer", agencyId = AgencyB, password = Password }).OkJsonAsync(HttpStatusCode.Created);
        foreach (var head in new[] { ListedHead, UnlistedHead })
            await admin.PostAsJsonAsync("/api/users", new { email = head, role = "delegation-head", password = Password }).OkJsonAsync(HttpStatusCode.Created);

        var mission = await Committee.PostAsJsonAsync("/api/missions", new
        {
            code = "GS-CHUNG-2026",
            title = "Giám sát chuyên đề cải cách hành chính tại hai sở",
            topic = "Cải cách hành chính",
            periodFrom = "2025-01-01",
            periodTo = "2025-12-31",
            legalBasis = "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
            agencyIds = new[] { AgencyA, AgencyB },
            delegation = new[] { new { email = ListedHead, role = "delegation-head" } },
        }).OkJsonAsync(HttpStatusCode.Created);
        MissionId = mission.GetProperty("id").GetString()!;
        foreach (var trigger in new[] { "approve-plan", "request-report" })
            await Act(trigger);
        await Committee.PostAsJsonAsync($"/api/missions/{MissionId}/onsite-sessions", new { date = "2026-11-20", place = "Trụ sở hai sở", attendees = new[] { "Đoàn giám sát" }, figures = Array.Empty<object>(), minutes = "Biên bản" }).OkJsonAsync();
        foreach (var trigger in new[] { "hold-onsite", "draft-conclusion" })
            await Act(trigger);
        await Committee.PutAsJsonAsync($"/api/missions/{MissionId}/conclusion", new
        {
            date = "2026-11-25",
            signer = "Chủ tịch HĐND tỉnh",
            achievements = "Hai sở đã triển khai cơ chế một cửa.",
            shortcomings = new[] { "Còn hồ sơ trễ hạn." },
            recommendations = new object[]
            {
                new { agencyId = AgencyA, text = $"Rà soát hồ sơ trễ hạn ({Secret})", deadline = "2027-03-31", deadlineBasis = "calendar", priority = "high" },
                new { agencyId = AgencyB, text = "Công khai quy trình tiếp nhận hồ sơ", deadline = "2027-03-31", deadlineBasis = "calendar", priority = "normal" },
            },
        }).OkJsonAsync();
        ReportA = await UploadAsync(Committee, $"/api/missions/{MissionId}/documents", $"bao-cao-{SecretAscii}.pdf", ("kind", "agency-report"), ("agencyId", AgencyA));
        PlanDocument = await UploadAsync(Committee, $"/api/missions/{MissionId}/documents", "ke-hoach-giam-sat.pdf", ("kind", "plan"));
        await Act("issue-conclusion");

        var items = (await Committee.GetJsonAsync($"/api/missions/{MissionId}")).GetProperty("recommendations");
        RecommendationA = items.EnumerateArray().Single(r => r.GetProperty("agencyId").GetString() == AgencyA).GetProperty("id").GetString()!;
        RecommendationB = items.EnumerateArray().Single(r => r.GetProperty("agencyId").GetString() == AgencyB).GetProperty("id").GetString()!;
        var officerA = await app.SignInAsync(Demo.AgencyOfficer);
        await officerA.PostAsJsonAsync($"/api/recommendations/{RecommendationA}/actions/acknowledge", new { }).OkJsonAsync();
        await officerA.PostAsJsonAsync($"/api/recommendations/{RecommendationA}/actions/report-progress", new { comment = $"Đã rà soát 40% ({Secret})", percent = "40" }).OkJsonAsync();
        EvidenceA = await UploadAsync(officerA, $"/api/recommendations/{RecommendationA}/evidence", $"minh-chung-{SecretAscii}.txt");

        await officerA.PostAsJsonAsync($"/api/recommendations/{RecommendationA}/actions/submit", new { }).OkJsonAsync();
        await Committee.PostAsJsonAsync($"/api/recommendations/{RecommendationA}/actions/verify", new { result = "not-implemented", comment = "Chưa triển khai" }).OkJsonAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OfficeLadder>().SweepAsync();
        var open = (await Committee.GetJsonAsync($"/api/office-tasks?state=open&missionId={MissionId}")).GetProperty("items");
        OfficeTaskA = open.EnumerateArray().Single(t => t.GetProperty("recommendationId").GetString() == RecommendationA).GetProperty("id").GetString()!;
    }

    /// <summary>What B's people and an unlisted delegation head must not be able to change, read as the committee.</summary>
    public async Task<string> FingerprintAsync()
    {
        string[] reads =
        [
            $"/api/missions/{MissionId}", $"/api/missions/{MissionId}/journal", $"/api/missions/{MissionId}/documents",
            $"/api/recommendations/{RecommendationA}", $"/api/recommendations/{RecommendationA}/journal",
            $"/api/recommendations/{RecommendationB}", $"/api/recommendations/{RecommendationB}/journal",
            "/api/missions", "/api/agencies",
        ];
        var parts = new List<string>();
        foreach (var url in reads)
            parts.Add((await Committee.GetJsonAsync(url)).GetRawText());
        return string.Join("\n", parts);
    }

    private async Task Act(string trigger) =>
        await Committee.PostAsJsonAsync($"/api/missions/{MissionId}/actions/{trigger}", new { comment = "" }).OkJsonAsync();

    private static async Task<string> UploadAsync(HttpClient client, string url, string fileName, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 nội dung"u8.ToArray()), "file", fileName } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return (await client.PostAsync(url, form).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }
}
