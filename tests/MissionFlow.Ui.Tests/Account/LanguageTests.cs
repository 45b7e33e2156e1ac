namespace MissionFlow.Ui.Tests.Account;

[Collection(UiCollection.Name)]
public sealed class LanguageTests(UiHost host)
{
    [Fact]
    public async Task Pages_are_Vietnamese_by_default_even_for_an_English_browser()
    {
        var page = await host.NewPageAsync();
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "en-US,en;q=0.9" });
        await page.GotoAsync("/Account/SignIn");
        Assert.Equal("Đăng nhập", await page.TextOfAsync("h1"));
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Dữ liệu mẫu", await page.TextOfAsync(".demo-banner"));
    }

    [Fact]
    public async Task The_English_switch_persists_across_pages_and_the_next_sign_in()
    {
        var page = await host.SignInAsync(Demo.DelegationMember);
        Assert.Equal("Trang tổng hợp của Thường trực HĐND", await page.TextOfAsync("h1"));
        await page.SubmitAsync("button[value=en]");
        Assert.Equal("Committee desk", await page.TextOfAsync("h1"));
        Assert.Contains("Demo data", await page.TextOfAsync(".demo-banner"));

        await page.GotoAsync("/Missions");
        Assert.Equal("Supervision missions", await page.TextOfAsync("h1"));
        // States come from the definition in the reader's language; dates stay dd/MM/yyyy.
        Assert.Contains("Following up recommendations", await page.TextOfAsync("table"));
        await Screenshots.SaveAsync(page, "missions-english");
        await page.ClickAsync("a:has-text('GS-2018-CCHC-SCT')");
        Assert.Contains("08/10/2018", await page.TextOfAsync("#timeline ~ ol"));
        Assert.Contains("On-site session", await page.TextOfAsync("#timeline ~ ol"));

        // A new browser, signing in again: the saved preference wins over the Vietnamese default.
        var again = await host.SignInAsync(Demo.DelegationMember);
        Assert.Equal("Committee desk", await again.TextOfAsync("h1"));
        await again.SubmitAsync("button[value=vi]");
        Assert.Equal("Trang tổng hợp của Thường trực HĐND", await again.TextOfAsync("h1"));
    }
}
