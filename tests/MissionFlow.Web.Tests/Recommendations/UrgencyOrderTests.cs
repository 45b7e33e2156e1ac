using System.Globalization;
using System.Text;

namespace MissionFlow.Web.Tests.Recommendations;

/// <summary>
/// Every list of recommendations reads in one order, kept by an index: open items by deadline (the overdue first),
/// closed items last; the API pages it, and the export streams all of it in the same order.
/// </summary>
public sealed class UrgencyOrderTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MissionFlowApp app = shared.App;

    [Fact]
    public async Task The_api_pages_open_items_by_deadline_and_puts_a_closed_one_last()
    {
        var committee = await app.SignInAsync(Demo.Committee);
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var agency = await IssuedMission.AgencyIdAsync(committee);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        int[] inDays = [10, 5, 20, 1, 15];
        var before = await TotalAsync(committee);
        var issued = await IssuedMission.IssueAsync(committee, "GS-THUTU-2026", today,
            inDays.Select((d, i) => new NewRecommendation(agency, $"Kiến nghị số {i + 1}", today.AddDays(d))).ToList());
        var mission = issued.GetProperty("id").GetString();
        await IssuedMission.CloseAsDoneAsync(officer, committee, issued.RecommendationIds()[3]);

        var pages = new List<int[]>();
        for (var page = 1; page <= 3; page++)
        {
            var list = await committee.GetJsonAsync($"/api/recommendations?missionId={mission}&pageSize=2&page={page}");
            Assert.Equal(5, list.GetProperty("total").GetInt32());
            pages.Add(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToArray());
        }

        Assert.Equal([[2, 1], [5, 3], [4]], pages);
        Assert.Equal(before + inDays.Length, await TotalAsync(committee)); // the counts are kept between views, and a write renews them
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/recommendations?pageSize=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task The_csv_export_holds_every_row_of_the_list_in_the_list_order_past_its_batches()
    {
        var committee = await app.SignInAsync(Demo.Committee);
        var browser = await app.SignInPagesAsync(Demo.Committee);
        var agency = await IssuedMission.AgencyIdAsync(committee);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        const int count = 1000; // a conclusion's most, two batches of the export
        await IssuedMission.IssueAsync(committee, "GS-XUATFILE-2026", today,
            Enumerable.Range(1, count).Select(n => new NewRecommendation(agency, $"Kiến nghị xuất file số {n}", today.AddDays(30 + n * 37 % 200))).ToList());
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var items = (await committee.GetJsonAsync($"/api/recommendations?agencyId={agency}&pageSize=500&page={page}")).GetProperty("items").EnumerateArray().ToList();
            listed.AddRange(items.Select(i => $"{i.GetProperty("missionId").GetString()}#{i.GetProperty("number").GetInt32()}"));
            if (items.Count < 500)
                break;
        }
        var codes = (await committee.GetJsonAsync("/api/missions?pageSize=500")).GetProperty("items").EnumerateArray()
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("id").GetString()!);

        var csv = Encoding.UTF8.GetString(await browser.GetByteArrayAsync($"/Recommendations?handler=Export&format=csv&agencyId={agency}"));
        var exported = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => $"{codes[cells[0].Trim('"')]}#{int.Parse(cells[1].Trim('"'), CultureInfo.InvariantCulture)}")
            .ToList();

        Assert.True(listed.Count > count);
        Assert.Equal(listed, exported);
    }
}
