namespace MissionFlow.Ui.Tests.Missions;

/// <summary>The words a secretary reads, as the Council Office writes them, and the law each mission runs under.</summary>
[Collection(UiCollection.Name)]
public sealed class WordingTests(UiHost host)
{
    [Fact]
    public async Task The_committee_reads_the_Council_Offices_words_and_each_missions_law()
    {
        var page = await host.SignInAsync(Demo.Committee);
        Assert.Equal("Trang tổng hợp của Thường trực HĐND", await page.TextOfAsync("h1"));
        Assert.Equal("Trang tổng hợp", await page.TextOfAsync("nav a[href='/']"));

        // A mission planned today runs under Law 121/2025: the form says so and offers no other law.
        await page.GotoAsync("/Missions/Create");
        Assert.Equal("Căn cứ luật: Luật số 121/2025/QH15", await page.TextOfAsync("#regime"));
        Assert.Equal(0, await page.Locator("select[name='Form.Regime']").CountAsync());

        // The imported 2018 mission keeps Law 87/2015, and its history reads as entered afterwards.
        await page.GotoAsync("/Missions");
        await page.ClickAsync("a:text-is('GS-2018-CCHC-SCT')");
        var mission = await page.TextOfAsync("main");
        Assert.Contains("Luật số 87/2015/QH13", mission);
        Assert.Contains("Dữ liệu lịch sử nhập bổ sung", mission);
        Assert.True(await page.Locator("td small:text-is('nhập bổ sung')").CountAsync() > 0);
        Assert.DoesNotContain("nhập lại", mission);

        await page.GotoAsync("/Recommendations");
        Assert.Equal("Kiến nghị đối với các cơ quan", await page.TextOfAsync("h1"));
        await page.ClickAsync("main a[href*='/Recommendations/Details/']");
        await page.WaitForURLAsync("**/Recommendations/Details/**");
        var recommendation = await page.TextOfAsync("main");
        Assert.Contains("(Ngày theo lịch (kể cả ngày nghỉ))", recommendation);
        Assert.DoesNotContain("dương lịch", recommendation);
    }
}
