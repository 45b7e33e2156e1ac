using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace MissionFlow.Web.Tests.Missions;

/// <summary>
/// A mission's recommendations are listed a page at a time, counted and cut to the reader's agency in the
/// database: on its page (/Missions/Details) and through the API (?missionId=).
/// </summary>
public sealed partial class MissionRecommendationPagingTests : IAsyncLifetime
{
    /// <summary>Alternating between the demo's Sở Công Thương (odd numbers) and a second agency (even numbers).</summary>
    private const int Count = 120;

    private readonly MissionFlowApp _app = new();
    private string _missionId = "";
    private string _agencyA = "";

    public async Task InitializeAsync()
    {
        var admin = await _app.SignInAsync(Demo.Admin);
        var committee = await _app.SignInAsync(Demo.Committee);
        _agencyA = await IssuedMission.AgencyIdAsync(committee);
        var agencyB = (await admin.PostAsJsonAsync("/api/agencies", new { code = "STP-TH", name = "Sở Tư pháp tỉnh Thanh Hóa", email = "stp@thanhhoa.example", headEmail = "giamdoc.stp@thanhhoa.example" })
            .OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var issued = await IssuedMission.IssueAsync(committee, "GS-PHANTRANG-2026", new DateOnly(2026, 11, 25),
            Enumerable.Range(1, Count).Select(n => new NewRecommendation(n % 2 == 1 ? _agencyA : agencyB, $"Kiến nghị số {n}", new DateOnly(2027, 6, 30))).ToList());
        _missionId = issued.GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_mission_page_shows_fifty_recommendations_a_page_and_page_two_holds_the_next_ones()
    {
        var committee = await CookieClientAsync(Demo.Committee);

        var first = await RecommendationsPageAsync(committee, 1);
        Assert.Equal(Enumerable.Range(1, 50), first.Numbers);
        Assert.Contains("1–50", first.Count);
        Assert.Contains($"{Count}", first.Count);

        var second = await RecommendationsPageAsync(committee, 2);
        Assert.Equal(Enumerable.Range(51, 50), second.Numbers);
        Assert.Contains("51–100", second.Count);

        var last = await RecommendationsPageAsync(committee, 3);
        Assert.Equal(Enumerable.Range(101, 20), last.Numbers);
        Assert.Contains($"101–{Count}", last.Count);
    }

    [Fact]
    public async Task An_agency_officer_pages_through_only_their_agencys_recommendations_of_the_mission()
    {
        var officer = await CookieClientAsync(Demo.AgencyOfficer);

        var first = await RecommendationsPageAsync(officer, 1);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => 2 * i + 1), first.Numbers);
        Assert.Contains("1–50", first.Count);
        Assert.Contains($"{Count / 2}", first.Count);

        var second = await RecommendationsPageAsync(officer, 2);
        Assert.Equal(Enumerable.Range(50, 10).Select(i => 2 * i + 1), second.Numbers);
        Assert.Contains($"51–{Count / 2}", second.Count);
    }

    [Fact]
    public async Task The_api_pages_a_missions_recommendations_with_the_count_and_keeps_the_agency_scope_on_every_page()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var json = await committee.GetJsonAsync($"/api/recommendations?missionId={_missionId}&page={page}&pageSize=50");
            Assert.Equal(Count, json.GetProperty("total").GetInt32());
            pages.AddRange(json.GetProperty("items").Strings("id"));
        }
        Assert.Equal(Count, pages.Count);
        Assert.Equal(Count, pages.Distinct().Count());

        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var second = await officer.GetJsonAsync($"/api/recommendations?missionId={_missionId}&page=2&pageSize=50");
        Assert.Equal(Count / 2, second.GetProperty("total").GetInt32());
        Assert.Equal(10, second.GetProperty("items").GetArrayLength());
        Assert.All(second.GetProperty("items").EnumerateArray(), r => Assert.Equal(_agencyA, r.GetProperty("agencyId").GetString()));
    }

    private async Task<HttpClient> CookieClientAsync(string email)
    {
        var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = "Demo@12345" })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The numbers in the recommendations table of one page, and the pager's count line.</summary>
    private async Task<(IReadOnlyList<int> Numbers, string Count)> RecommendationsPageAsync(HttpClient client, int page)
    {
        var html = await client.GetStringAsync($"/Missions/Details/{_missionId}?p={page}");
        var section = html[html.IndexOf("id=\"recommendations\"", StringComparison.Ordinal)..html.IndexOf("id=\"documents\"", StringComparison.Ordinal)];
        var numbers = Row().Matches(section).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return (numbers, WebUtility.HtmlDecode(PagerCount().Match(section).Groups[1].Value));
    }

    [GeneratedRegex("""<tr class="[^"]*">\s*<td>(\d+)</td>""")]
    private static partial Regex Row();

    [GeneratedRegex("""data-testid="pager-count">([^<]*)<""")]
    private static partial Regex PagerCount();
}
