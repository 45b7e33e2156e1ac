namespace MissionFlow.Ui.Tests.Admin;

[Collection(UiCollection.Name)]
public sealed class HealthPageTests(UiHost host)
{
    /// <summary>The test host runs no job server, so the page has a failed part to show beside healthy ones.</summary>
    [Fact]
    public async Task The_admin_reads_the_readiness_figures_in_Vietnamese_and_in_English()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin");
        await page.ClickAsync("a[href='/Admin/Health']");
        await page.ExpectNoErrorAsync();

        Assert.Equal("Tình trạng hệ thống", await page.TextOfAsync("h1"));
        Assert.Contains("Không hoạt động", await page.TextOfAsync("[data-testid=health-overall]"));
        var jobs = await page.TextOfAsync("tr[data-check=jobs]");
        Assert.Contains("Máy chủ tác vụ nền", jobs);
        Assert.Contains("Số máy chủ đang chạy: 0", jobs);
        var smtp = await page.TextOfAsync("tr[data-check=smtp]");
        Assert.Contains("Bình thường", smtp);
        Assert.Contains("Đã cấu hình: Không", smtp);
        Assert.Contains("Thư đang chờ gửi:", await page.TextOfAsync("tr[data-check=outbox]"));
        await Screenshots.SaveAsync(page, "admin-health");

        await page.SubmitAsync("button[value=en]");
        try
        {
            Assert.Equal("System health", await page.TextOfAsync("h1"));
            jobs = await page.TextOfAsync("tr[data-check=jobs]");
            Assert.Contains("Not working", jobs);
            Assert.Contains("Servers running: 0", jobs);
            Assert.Contains("Failed lately: 0", await page.TextOfAsync("tr[data-check=timers]"));
        }
        finally
        {
            // The choice is saved on the account: the admin's other tests read Vietnamese.
            await page.SubmitAsync("button[value=vi]");
        }
    }
}
