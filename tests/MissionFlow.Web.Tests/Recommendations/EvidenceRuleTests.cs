using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Recommendations;

/// <summary>Evidence goes to a recommendation only while its follow-up is open, from its own agency or the council people acting on its mission.</summary>
public sealed class EvidenceRuleTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _officer = null!;
    private HttpClient _committee = null!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _officer = await _app.SignInAsync(Demo.AgencyOfficer);
        _committee = await _app.SignInAsync(Demo.Committee);
        _id = (await _officer.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MultipartFormDataContent File(string name, string field = "file")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("Biên bản kiểm tra"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, field, name);
        return form;
    }

    private Task<HttpResponseMessage> AddEvidence(HttpClient client, string name) => client.PostAsync($"/api/recommendations/{_id}/evidence", File(name));

    private async Task<List<string>> EvidenceAsync() =>
        (await _committee.GetJsonAsync($"/api/recommendations/{_id}/evidence")).Strings("fileName").ToList();

    private async Task CloseAsync()
    {
        foreach (var trigger in new[] { "acknowledge", "submit" })
            await _officer.PostAsJsonAsync($"/api/recommendations/{_id}/actions/{trigger}", new { }).OkJsonAsync();
        await _committee.PostAsJsonAsync($"/api/recommendations/{_id}/actions/verify", new { result = "done", comment = "Đã hoàn thành" }).OkJsonAsync();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_agencys_people_the_committee_and_the_listed_delegation_add_evidence_others_do_not()
    {
        var head = await _app.SignInAsync(Demo.AgencyHead);
        var admin = await _app.SignInAsync(Demo.Admin);
        var listedMember = await _app.SignInAsync(Demo.DelegationMember);
        await admin.PostAsJsonAsync("/api/users", new { email = "thanhvien.doankhac@hdnd.example", role = "delegation-member", password = "Mat-khau-thanh-vien-2026" })
            .OkJsonAsync(HttpStatusCode.Created);
        var unlistedMember = await _app.SignInAsync("thanhvien.doankhac@hdnd.example", "Mat-khau-thanh-vien-2026");

        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(_officer, "bao-cao-chuyen-vien.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(head, "bao-cao-giam-doc.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(_committee, "bien-ban-thuong-truc.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(admin, "bien-ban-quan-tri.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(listedMember, "bien-ban-doan.txt")).StatusCode);
        var refused = await ProblemAsync(await AddEvidence(unlistedMember, "bien-ban-doan-khac.txt"), HttpStatusCode.Forbidden);

        Assert.Contains("own agency, by the committee or by the mission's delegation", refused.GetProperty("detail").GetString());
        Assert.Equal(["bao-cao-chuyen-vien.txt", "bao-cao-giam-doc.txt", "bien-ban-thuong-truc.txt", "bien-ban-quan-tri.txt", "bien-ban-doan.txt"], await EvidenceAsync());
    }

    [Fact]
    public async Task A_closed_item_takes_no_evidence_by_upload_or_with_a_trigger_until_it_is_reopened()
    {
        await CloseAsync();

        var upload = await ProblemAsync(await AddEvidence(_officer, "bo-sung.txt"), HttpStatusCode.Conflict);
        var byCommittee = await ProblemAsync(await AddEvidence(_committee, "bo-sung.txt"), HttpStatusCode.Conflict);
        var reopenForm = File("ly-do-mo-lai.txt", "files");
        reopenForm.Add(new StringContent("Chưa có số liệu kiểm chứng"), "reason");
        var withTrigger = await ProblemAsync(await _committee.PostAsync($"/api/recommendations/{_id}/actions/reopen", reopenForm), HttpStatusCode.Conflict);

        Assert.Contains("Follow-up of this recommendation has ended", upload.GetProperty("detail").GetString());
        Assert.Contains("Follow-up of this recommendation has ended", byCommittee.GetProperty("detail").GetString());
        Assert.Contains("Follow-up of this recommendation has ended", withTrigger.GetProperty("detail").GetString());
        Assert.Empty(await EvidenceAsync());
        var closed = await _committee.GetJsonAsync($"/api/recommendations/{_id}");
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal("verify", (await _committee.GetJsonAsync($"/api/recommendations/{_id}/journal")).Strings("trigger").Last());

        await _committee.PostAsJsonAsync($"/api/recommendations/{_id}/actions/reopen", new { reason = "Chưa có số liệu kiểm chứng" }).OkJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await AddEvidence(_officer, "bo-sung.txt")).StatusCode);
        Assert.Equal(["bo-sung.txt"], await EvidenceAsync());
    }
}
