using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Missions;

[Collection(UiCollection.Name)]
public sealed class MissionRecommendationPagingTests(UiHost host)
{
    [Fact]
    public async Task The_mission_page_lists_its_recommendations_a_page_at_a_time_and_the_next_page_holds_the_next_ones()
    {
        // The reference mission's 8 recommendations, all of the officer's agency, 3 a page.
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        await page.GotoAsync("/Missions?q=GS-2018-CCHC-SCT");
        await page.Locator("a[href^='/Missions/Details/']").GetByText("GS-2018-CCHC-SCT", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Missions/Details/**");
        await page.GotoAsync(page.Url + "?size=3");

        Assert.Equal(["1", "2", "3"], await NumbersAsync(page));
        Assert.Equal("Hiển thị 1–3 trong tổng số 8", await page.TextOfAsync(Recommendations + " [data-testid=pager-count]"));

        await page.ClickAsync(Recommendations + " a[rel=next]");
        await page.WaitForURLAsync("**p=2**");
        Assert.Contains("size=3", page.Url);
        Assert.Equal(["4", "5", "6"], await NumbersAsync(page));
        Assert.Equal("Hiển thị 4–6 trong tổng số 8", await page.TextOfAsync(Recommendations + " [data-testid=pager-count]"));

        await page.ClickAsync(Recommendations + " a[rel=next]");
        await page.WaitForURLAsync("**p=3**");
        Assert.Equal(["7", "8"], await NumbersAsync(page));
        Assert.Equal(0, await page.Locator(Recommendations + " a[rel=next]").CountAsync());
    }

    private const string Recommendations = "section:has(#recommendations)";

    private static async Task<List<string>> NumbersAsync(IPage page) =>
        [.. (await page.Locator(Recommendations + " tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim())];
}
