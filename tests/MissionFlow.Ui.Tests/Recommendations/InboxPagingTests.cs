using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Recommendations;

[Collection(UiCollection.Name)]
public sealed class InboxPagingTests(UiHost host)
{
    [Fact]
    public async Task The_recommendations_page_shows_one_page_at_a_time_with_the_count_and_keeps_the_filters_on_the_next_page()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await page.GotoAsync("/Recommendations?size=6");
        var firstSix = await ItemsAsync(page);
        Assert.Equal(6, firstSix.Count);
        var count = await page.TextOfAsync("[data-testid=inbox-count]");

        await page.GotoAsync("/Recommendations?size=3");
        Assert.Equal(firstSix[..3], await ItemsAsync(page));
        Assert.Equal(count, await page.TextOfAsync("[data-testid=inbox-count]"));
        await page.ClickAsync("a[rel=next]");
        await page.WaitForURLAsync("**p=2**");
        Assert.Equal(firstSix[3..], await ItemsAsync(page));
        Assert.Equal(count, await page.TextOfAsync("[data-testid=inbox-count]"));

        // Filtered to one agency (the reference mission's 8 items), page 2 is still that agency's and the filter still shows it.
        const string agencyName = "Sở Công Thương tỉnh Thanh Hóa";
        await page.GotoAsync("/Recommendations?size=3");
        await page.SelectOptionAsync("#agencyId", new SelectOptionValue { Label = agencyName });
        var agency = await page.Locator("#agencyId").InputValueAsync();
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync($"**agencyId={agency}**");
        var filteredCount = await page.TextOfAsync("[data-testid=inbox-count]");
        var pageOne = await ItemsAsync(page);
        await page.ClickAsync("a[rel=next]");
        await page.WaitForURLAsync("**p=2**");
        Assert.Contains($"agencyId={agency}", page.Url);
        Assert.Contains("size=3", page.Url);
        Assert.Equal(agency, await page.Locator("#agencyId").InputValueAsync());
        Assert.Equal(filteredCount, await page.TextOfAsync("[data-testid=inbox-count]"));
        var pageTwo = await ItemsAsync(page);
        Assert.NotEmpty(pageTwo);
        Assert.Empty(pageOne.Intersect(pageTwo));
        Assert.All(await page.Locator("[data-testid=inbox-item]").AllInnerTextsAsync(), t => Assert.Contains(agencyName, t));
    }

    private static async Task<List<string>> ItemsAsync(IPage page) =>
        (await page.Locator("[data-testid=inbox-item] .code").AllInnerTextsAsync()).ToList();
}
