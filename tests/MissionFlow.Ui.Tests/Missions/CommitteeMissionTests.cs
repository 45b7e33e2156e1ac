using Microsoft.Playwright;

namespace MissionFlow.Ui.Tests.Missions;

[Collection(UiCollection.Name)]
public sealed class CommitteeMissionTests(UiHost host)
{
    [Fact]
    public async Task The_committee_plans_a_mission_holds_the_session_and_issues_its_conclusion()
    {
        var page = await host.SignInAsync(Demo.Committee);
        await Screenshots.SaveAsync(page, "desk");
        Assert.Contains("Trang tổng hợp", await page.TextOfAsync("h1"));

        await page.GotoAsync("/Missions/Create");
        await page.FillMissionPlanAsync("GS-2026-ATTP", "Giám sát an toàn thực phẩm tại Sở Công Thương",
            "Việc thực hiện pháp luật về an toàn thực phẩm, 2024 – 2025");
        await page.FillAsync("#Form_ReportDue", PageActions.Today.AddDays(10).Iso());
        await page.FillAsync("#Form_Delegation_0__Email", "doangiamsat@missionflow.local");
        await page.SelectOptionAsync("#Form_Delegation_0__Role", "delegation-head");
        await Screenshots.SaveAsync(page, "mission-create");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        Assert.Equal("Dự thảo", await page.TextOfAsync("[data-testid=mission-state]"));

        await page.FireAsync("approve-plan");
        await page.FireAsync("request-report");
        Assert.Equal("Đã yêu cầu báo cáo", await page.TextOfAsync("[data-testid=mission-state]"));

        await page.ClickAsync("text=Ghi nhận buổi giám sát trực tiếp");
        await page.FillAsync("#Form_Date", PageActions.Today.Iso());
        await page.FillAsync("#Form_Place", "Sở Công Thương");
        await page.FillAsync("#Form_Figures_0__Name", "Cơ sở được kiểm tra");
        await page.FillAsync("#Form_Figures_0__Value", "120");
        await page.FillAsync("#Form_Figures_1__Name", "Cơ sở đạt yêu cầu");
        await page.FillAsync("#Form_Figures_1__Value", "114");
        await page.FillAsync("#Form_Figures_1__PartOf", "Cơ sở được kiểm tra");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();
        // The rate is computed from the figures, never typed: 114 of 120 = 95%.
        Assert.Contains("95%", await page.TextOfAsync("tr:has(td:text-is('Cơ sở đạt yêu cầu'))"));

        await page.FireAsync("hold-onsite");
        await page.FireAsync("draft-conclusion");
        await page.ClickAsync("text=Soạn kết luận và kiến nghị");
        await page.FillAsync("#Form_Date", PageActions.Today.Iso());
        await page.FillAsync("#Form_Signer", "Phó Chủ tịch Thường trực HĐND tỉnh");
        await page.FillAsync("#Form_Shortcomings", "Kiểm tra chưa thường xuyên\nXử lý vi phạm chưa kiên quyết");
        await page.FillAsync("#Form_Recommendations_0__Text", "Tăng cường kiểm tra cơ sở kinh doanh thực phẩm");
        await page.FillAsync("#Form_Recommendations_0__Deadline", PageActions.Today.AddDays(60).Iso());
        await page.FillAsync("#Form_Recommendations_1__Text", "Báo cáo kết quả xử lý vi phạm");
        await page.FillAsync("#Form_Recommendations_1__Deadline", PageActions.Today.AddDays(10).Iso());
        await page.SelectOptionAsync("#Form_Recommendations_1__Priority", "high");
        await Screenshots.SaveAsync(page, "mission-conclusion-form");
        await page.SubmitAsync("form.form button.primary");
        await page.ExpectNoErrorAsync();

        await page.FireAsync("issue-conclusion");
        Assert.Equal("Theo dõi thực hiện kiến nghị", await page.TextOfAsync("[data-testid=mission-state]"));
        var rows = page.Locator("#recommendations ~ .table-wrap tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("Đã ban hành", await rows.First.InnerTextAsync());
        // The diagram marks where the mission now stands.
        Assert.Equal("follow-up", await page.GetAttributeAsync("svg.diagram g.current", "data-state"));
        await Screenshots.SaveAsync(page, "mission-details");

        // The deadline ten days away is now on the desk's list of the next 14 days.
        await page.GotoAsync("/");
        Assert.Contains("Báo cáo kết quả xử lý vi phạm", await page.TextOfAsync("#upcoming ~ table"));
    }
}
