using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>No text, list or body is taken unbounded: too much is refused naming the field (or 413), and nothing is stored.</summary>
public sealed class InputLimitTests : IAsyncLifetime
{
    private const int TwoMiB = 2 * 1024 * 1024;
    private readonly MissionFlowApp _app = new();
    private HttpClient _committee = null!;
    private string _agencyId = "";

    public async Task InitializeAsync()
    {
        // Body size limits are Kestrel's to enforce; the in-memory TestServer reads any body whole.
        _app.UseKestrel(0);
        _committee = await _app.SignInAsync(Demo.Committee);
        _agencyId = (await _committee.GetJsonAsync("/api/agencies")).EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), body);
        return messages;
    }

    private object Mission(string code, string title = "Giám sát thủ tục hành chính", string topic = "Giải quyết thủ tục hành chính") => new
    {
        code, title, topic, periodFrom = "2026-01-01", periodTo = "2026-06-30", agencyIds = new[] { _agencyId },
    };

    private async Task<int> MissionCountAsync() => (await _committee.GetJsonAsync("/api/missions")).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_2_MiB_comment_on_a_progress_report_is_refused_naming_comment_and_the_journal_is_unchanged()
    {
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var id = (await officer.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/acknowledge", new { }).OkJsonAsync();

        var response = await officer.PostAsJsonAsync($"/api/recommendations/{id}/actions/report-progress", new { comment = new string('x', TwoMiB) });

        var messages = await RefusedAsync(response, "comment");
        Assert.Contains("4000", messages[0].GetString());
        var journal = await officer.GetJsonAsync($"/api/recommendations/{id}/journal");
        Assert.Equal(["start", "acknowledge"], journal.Strings("trigger"));
        Assert.Equal("acknowledged", (await officer.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_over_long_mission_title_is_refused_naming_title_and_no_mission_is_created()
    {
        var before = await MissionCountAsync();

        var response = await _committee.PostAsJsonAsync("/api/missions", Mission("GS-LONG", title: new string('T', 501)));

        await RefusedAsync(response, "title");
        Assert.Equal(before, await MissionCountAsync());
        Assert.Equal(HttpStatusCode.Created, (await _committee.PostAsJsonAsync("/api/missions", Mission("GS-LONG", title: new string('T', 500)))).StatusCode);
    }

    [Fact]
    public async Task A_JSON_command_larger_than_the_command_limit_is_refused_with_413_before_anything_is_stored()
    {
        var before = await MissionCountAsync();

        var response = await _committee.PostAsJsonAsync("/api/missions", Mission("GS-HUGE", topic: new string('x', TwoMiB)));

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await MissionCountAsync());
    }

    [Fact]
    public async Task A_file_larger_than_the_command_limit_still_goes_in_as_evidence()
    {
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var id = (await officer.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[TwoMiB]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "bien-ban.pdf");

        var response = await officer.PostAsync($"/api/recommendations/{id}/evidence", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Texts_and_lists_of_a_mission_its_session_and_its_conclusion_are_capped_naming_the_field()
    {
        var id = (await _committee.PostAsJsonAsync("/api/missions", Mission("GS-CAPS")).OkJsonAsync()).GetProperty("id").GetString();
        foreach (var trigger in new[] { "approve-plan", "request-report" })
            await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();

        await RefusedAsync(await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new
        {
            date = "2026-03-10", place = "Trụ sở Sở", attendees = new[] { "Đoàn giám sát", new string('a', 201) },
        }), "attendees[1]");
        await RefusedAsync(await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new
        {
            date = "2026-03-10", place = "Trụ sở Sở", minutes = new string('m', 20001),
        }), "minutes");
        await RefusedAsync(await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new
        {
            date = "2026-03-10", place = "Trụ sở Sở", figures = Enumerable.Range(0, 201).Select(i => new { name = $"Chỉ tiêu {i}", value = i }),
        }), "figures");
        await _committee.PostAsJsonAsync($"/api/missions/{id}/onsite-sessions", new { date = "2026-03-10", place = "Trụ sở Sở" }).OkJsonAsync();
        foreach (var trigger in new[] { "hold-onsite", "draft-conclusion" })
            await _committee.PostAsJsonAsync($"/api/missions/{id}/actions/{trigger}", new { }).OkJsonAsync();

        var recommendations = Enumerable.Range(0, 3).Select(i => new
        {
            agencyId = _agencyId, text = i == 2 ? new string('k', 4001) : $"Kiến nghị {i + 1}", deadline = "2027-06-30",
        });
        await RefusedAsync(await _committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
        {
            date = "2026-03-20", signer = "Phó Chủ tịch HĐND", recommendations,
        }), "recommendations[2].text");
        await RefusedAsync(await _committee.PutAsJsonAsync($"/api/missions/{id}/conclusion", new
        {
            date = "2026-03-20", signer = "Phó Chủ tịch HĐND", shortcomings = new[] { new string('s', 4001) },
            recommendations = new[] { new { agencyId = _agencyId, text = "Kiến nghị", deadline = "2027-06-30" } },
        }), "shortcomings[0]");

        var mission = await _committee.GetJsonAsync($"/api/missions/{id}");
        Assert.Equal(1, mission.GetProperty("onsiteSessions").GetArrayLength());
        Assert.Equal(0, mission.GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public async Task Agency_and_account_texts_are_capped_naming_the_field()
    {
        var admin = await _app.SignInAsync(Demo.Admin);

        await RefusedAsync(await admin.PostAsJsonAsync("/api/agencies", new
        {
            code = "STP", name = "Sở Tư pháp", email = "stp@thanhhoa.example", headEmail = "gd@thanhhoa.example", parentCode = new string('P', 51),
        }), "parentCode");
        await RefusedAsync(await admin.PostAsJsonAsync("/api/users", new
        {
            email = "chuyenvien@thanhhoa.example", fullName = new string('N', 201), role = "committee", password = "Committee@2026",
        }), "fullName");

        Assert.DoesNotContain("STP", (await admin.GetJsonAsync("/api/agencies")).Strings("code"));
        Assert.DoesNotContain("chuyenvien@thanhhoa.example", (await admin.GetJsonAsync("/api/users")).Strings("email"));
    }
}
