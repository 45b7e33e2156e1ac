using Microsoft.Playwright;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Ui.Tests.Accessibility;

/// <summary>What older readers and phone users notice: labelled fields, text of at least 16px, no sideways scrolling.</summary>
[Collection(UiCollection.Name)]
public sealed class PageQualityTests(UiHost host)
{
    [Fact]
    public async Task Committee_pages_label_every_field_and_use_large_text()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await page.GotoAsync("/Missions?q=GS-2018");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        var mission = page.Url;
        foreach (var path in new[] { "/", "/Missions", mission, "/Missions/Create", "/Recommendations", "/Session" })
        {
            await page.GotoAsync(path);
            Assert.Empty(await UnlabelledFieldsAsync(page));
            Assert.True(await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)") >= 16, path);
        }
    }

    [Fact]
    public async Task On_a_phone_the_inbox_and_a_recommendation_fit_the_screen()
    {
        var page = await host.SignInAsync(Demo.AgencyHead, width: 390, height: 844);
        Assert.Equal(0, await SidewaysOverflowAsync(page));
        await Screenshots.SaveAsync(page, "phone-inbox");
        await page.Locator($"[data-testid=inbox-item]:has-text('{ReferenceMission.Code} #') a").First.ClickAsync();
        await page.WaitForURLAsync("**/Recommendations/Details/**");
        Assert.Equal(0, await SidewaysOverflowAsync(page));
        Assert.Empty(await UnlabelledFieldsAsync(page));
        await Screenshots.SaveAsync(page, "phone-recommendation");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_main_content_first()
    {
        var page = await host.SignInAsync(Demo.AgencyOfficer);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    private static Task<string[]> UnlabelledFieldsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        [...document.querySelectorAll('input, select, textarea')]
          .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.labels.length === 0)
          .map(e => e.name || e.id)
        """);

    private static Task<int> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
