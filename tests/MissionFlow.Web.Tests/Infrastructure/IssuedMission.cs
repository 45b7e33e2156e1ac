using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>A recommendation of a conclusion, as the API takes it.</summary>
public sealed record NewRecommendation(string AgencyId, string Text, DateOnly Deadline, string? Field = null);

/// <summary>A mission taken through the API from its plan to its issued conclusion, as the committee does.</summary>
public static class IssuedMission
{
    /// <summary>The id of the agency with <paramref name="code"/>, the demo's Sở Công Thương unless named.</summary>
    public static async Task<string> AgencyIdAsync(HttpClient client, string code = "SCT-TH") =>
        (await client.GetJsonAsync("/api/agencies")).EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == code).GetProperty("id").GetString()!;

    /// <summary>Plans, holds, concludes (dated <paramref name="date"/>) and issues; answers the mission as issued, its recommendations in order.</summary>
    public static async Task<JsonElement> IssueAsync(HttpClient committee, string code, DateOnly date, IReadOnlyList<NewRecommendation> recommendations,
        string topic = "Cải cách hành chính")
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = (await committee.PostAsJsonAsync("/api/missions", new
        {
            code, title = $"Giám sát {topic.ToLower(CultureInfo.GetCultureInfo("vi"))}", topic, periodFrom = "2025-01-01", periodTo = "2025-12-31",
            legalBasis = "Luật số 121/2025/QH15", agencyIds = recommendations.Select(r => r.AgencyId).Distinct(), delegation = Array.Empty<object>(),
        }).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        async Task Act(string trigger) => await committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();
        await Act("approve-plan");
        await Act("request-report");
        await committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new { date = day, place = "Trụ sở cơ quan", attendees = new[] { "Đoàn giám sát" }, minutes = "Biên bản" })
            .OkJsonAsync();
        await Act("hold-onsite");
        await Act("draft-conclusion");
        await committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
        {
            date = day, signer = "Chủ tịch HĐND", achievements = "Đạt", shortcomings = new[] { "Chậm" },
            recommendations = recommendations.Select(r => new
            {
                agencyId = r.AgencyId, text = r.Text, deadline = r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), field = r.Field,
            }),
        }).OkJsonAsync();
        return await committee.PostAsJsonAsync($"/api/missions/{id}/actions/issue-conclusion", new { }).OkJsonAsync();
    }

    /// <summary>The issued recommendations' ids, in the conclusion's order.</summary>
    public static List<string> RecommendationIds(this JsonElement issued) => issued.GetProperty("recommendations").Strings("id").ToList();

    /// <summary>The agency acknowledges and submits its result, and the committee verifies it done: the item is closed.</summary>
    public static async Task CloseAsDoneAsync(HttpClient officer, HttpClient committee, string recommendation)
    {
        async Task Act(HttpClient client, string trigger, object body) =>
            await client.PostAsJsonAsync($"/api/recommendations/{recommendation}/actions/{trigger}", body).OkJsonAsync();
        await Act(officer, "acknowledge", new { });
        await Act(officer, "submit", new { comment = "Đã thực hiện xong" });
        await Act(committee, "verify", new { result = "done", comment = "Đã hoàn thành" });
    }
}
