namespace MissionFlow.Ui.Tests.Admin;

[Collection(UiCollection.Name)]
public sealed class CalendarPageTests(UiHost host)
{
    [Fact]
    public async Task The_admin_sees_which_years_are_announced_or_provisional_and_a_years_days_with_their_lunar_dates()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin");
        await page.ClickAsync("a[href='/Admin/Calendar']");
        await page.ExpectNoErrorAsync();

        Assert.Contains("Đã có thông báo", await page.TextOfAsync("tr[data-year='2026']"));
        Assert.Contains("Tạm tính", await page.TextOfAsync("tr[data-year='2027']"));
        Assert.Contains("Đã có thông báo", await page.TextOfAsync("tr[data-year='2018']"));

        await page.GotoAsync("/Admin/Calendar?year=2026");
        var year = await page.TextOfAsync("[data-testid=calendar-year]");
        Assert.Contains("12729/VPCP-KGVX", year);
        Assert.Contains("31/08/2026", year);
        Assert.Contains("Nghỉ hoán đổi (làm bù thứ Bảy 22/8)", year);
        Assert.Contains("22/08/2026", year);
        Assert.Contains("29/12", year); // 16/02/2026, the last day of Ất Tỵ, in the lunar column
        await Screenshots.SaveAsync(page, "admin-calendar-2026");

        await page.GotoAsync("/Admin/Calendar?year=2027");
        Assert.Contains("Chưa có thông báo chính thức về lịch nghỉ năm 2027", await page.TextOfAsync("[data-testid=calendar-year]"));

        await page.GotoAsync("/Admin/Calendar?year=1999");
        Assert.Contains("Năm phải từ 2000 đến 2199.", await page.TextOfAsync(".errors"));
    }

    [Fact]
    public async Task A_deadline_moved_into_a_provisional_year_says_so_on_the_recommendation()
    {
        var agency = await host.SignInAsync(Demo.AgencyOfficer);
        // The reference mission's item 5: the evidence test works on item 7, the follow-up tests on the most urgent and the last.
        await agency.ClickAsync("[data-testid=inbox-item]:has-text('GS-2018-CCHC-SCT #5') a");
        await agency.WaitForURLAsync("**/Recommendations/Details/**");
        var url = agency.Url;
        Assert.Equal(0, await agency.Locator("[data-testid=provisional-year]").CountAsync());
        await agency.FireAsync("acknowledge");
        await agency.FillAsync("#request-extension-newDeadline", "2027-03-31");
        await agency.FillAsync("#request-extension-reason", "Chờ bố trí kinh phí năm 2027");
        await agency.FireAsync("request-extension");

        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync(url);
        await committee.FireAsync("grant-extension");

        Assert.Contains("qua năm chưa có thông báo chính thức về lịch nghỉ", await committee.TextOfAsync("[data-testid=provisional-year]"));
    }
}
