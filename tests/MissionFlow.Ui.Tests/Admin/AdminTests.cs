namespace MissionFlow.Ui.Tests.Admin;

[Collection(UiCollection.Name)]
public sealed class AdminTests(UiHost host)
{
    [Fact]
    public async Task The_admin_adds_an_agency_and_an_account_that_can_then_sign_in_to_its_inbox()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin/Agencies");
        await page.FillAsync("#Form_Code", "SYT-TH");
        await page.FillAsync("#Form_Name", "Sở Y tế tỉnh Thanh Hóa");
        await page.FillAsync("#Form_Email", "soyte@missionflow.local");
        await page.FillAsync("#Form_HeadEmail", "giamdoc.soyte@missionflow.local");
        await page.SelectOptionAsync("#Form_ParentCode", "UBND-TH");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        Assert.Contains("Sở Y tế tỉnh Thanh Hóa", await page.TextOfAsync("table"));

        await page.GotoAsync("/Admin/Accounts");
        await page.FillAsync("#Form_Email", "chuyenvien.soyte@missionflow.local");
        await page.FillAsync("#Form_FullName", "Chuyên viên Sở Y tế");
        await page.SelectOptionAsync("#Form_Role", "agency-officer");
        await page.SelectOptionAsync("#Form_AgencyId", new Microsoft.Playwright.SelectOptionValue { Label = "Sở Y tế tỉnh Thanh Hóa" });
        await page.FillAsync("#Form_Password", "SoYte@2026x");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        Assert.Contains("chuyenvien.soyte@missionflow.local", await page.TextOfAsync("table"));
        await Screenshots.SaveAsync(page, "admin-accounts");

        var officer = await host.NewPageAsync();
        await officer.GotoAsync("/Account/SignIn");
        await officer.SignInHereAsync("chuyenvien.soyte@missionflow.local", "SoYte@2026x");
        Assert.EndsWith("/Recommendations", officer.Url);
        Assert.Contains("Không có kiến nghị nào", await officer.TextOfAsync("main"));
    }

    [Fact]
    public async Task The_admin_sees_each_workflow_version_with_its_hash_diagram_and_the_mail_outbox()
    {
        var page = await host.SignInAsync(Demo.Admin);
        await page.GotoAsync("/Admin");
        Assert.Equal(1, await page.Locator("a[href='/hangfire']").CountAsync());
        await page.GotoAsync("/Admin/Workflows");
        Assert.Equal(2, await page.Locator("svg.diagram").CountAsync());
        Assert.Matches("^[0-9a-f]{64}$", await page.TextOfAsync("code.hash"));
        Assert.Contains("Hợp lệ", await page.TextOfAsync("main"));
        await Screenshots.SaveAsync(page, "admin-workflows");

        var mail = await page.GotoAsync("/Admin/Mail");
        Assert.Equal(200, mail!.Status);
        Assert.Equal("Thư đi", await page.TextOfAsync("h1"));
    }
}
