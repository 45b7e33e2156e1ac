using System.Text;
using Microsoft.Playwright;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Ui.Tests.Recommendations;

[Collection(UiCollection.Name)]
public sealed class FollowUpTests(UiHost host)
{
    [Fact]
    public async Task The_agency_acknowledges_reports_with_evidence_and_submits_then_the_committee_verifies()
    {
        var agency = await host.SignInAsync(Demo.AgencyOfficer);
        // Agency people land on their inbox; the reference mission's 2018 deadlines are long past, so they lead it.
        Assert.EndsWith("/Recommendations", agency.Url);
        var first = agency.Locator("[data-testid=inbox-item]").First;
        Assert.Contains("is-overdue", await first.GetAttributeAsync("class"));
        Assert.Contains("Quá hạn", await first.InnerTextAsync());
        Assert.Contains($"{ReferenceMission.Code} #", await first.InnerTextAsync());
        await Screenshots.SaveAsync(agency, "agency-inbox");

        await first.Locator("a").First.ClickAsync();
        await agency.WaitForURLAsync("**/Recommendations/Details/**");
        var url = agency.Url;
        Assert.Equal(["acknowledge"], await agency.OfferedTriggersAsync());

        await agency.FireAsync("acknowledge");
        Assert.Equal("Đã tiếp nhận", await agency.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Equal(["report-progress", "request-extension", "submit"], await agency.OfferedTriggersAsync());

        await agency.FillAsync("#report-progress-comment", "Đã tổ chức 2 lớp tập huấn cho 45 công chức");
        await agency.FillAsync("#report-progress-percent", "60");
        await agency.SetInputFilesAsync("#report-progress-files",
            new FilePayload { Name = "bao-cao-tien-do.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 bao cao") });
        await agency.FireAsync("report-progress");
        Assert.Equal("Đang thực hiện", await agency.TextOfAsync("[data-testid=recommendation-state]"));
        var download = await agency.RunAndWaitForDownloadAsync(() => agency.Locator("#journal ~ .table-wrap a:has-text('bao-cao-tien-do.pdf')").ClickAsync());
        Assert.Equal("%PDF-1.4 bao cao", await File.ReadAllTextAsync((await download.PathAsync())!));

        await agency.FireAsync("submit");
        Assert.Equal("Chờ đánh giá", await agency.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Empty(await agency.OfferedTriggersAsync());
        await Screenshots.SaveAsync(agency, "recommendation-submitted");

        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync(url);
        Assert.Equal(["reopen", "verify"], await committee.OfferedTriggersAsync());
        await committee.SelectOptionAsync("#verify-result", "done");
        await committee.FillAsync("#verify-comment", "Đã kiểm tra báo cáo và tài liệu kèm theo");
        await committee.FireAsync("verify");
        Assert.Equal("Đã kết thúc theo dõi", await committee.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Contains("Hoàn thành", await committee.TextOfAsync("main"));
        await Screenshots.SaveAsync(committee, "recommendation-verified");

        // The agency sees the outcome and has nothing left to do on it.
        await agency.ReloadAsync();
        Assert.Equal("Đã kết thúc theo dõi", await agency.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Empty(await agency.OfferedTriggersAsync());
    }

    [Fact]
    public async Task A_refused_action_comes_back_to_the_form_with_the_reason()
    {
        var agency = await host.SignInAsync(Demo.AgencyHead);
        // The last one still only issued: other tests work on the most urgent.
        await agency.Locator("[data-testid=inbox-item]:has(.state:text-is('Đã ban hành')) a").Last.ClickAsync();
        await agency.WaitForURLAsync("**/Recommendations/Details/**");
        await agency.FireAsync("acknowledge");
        // A new deadline before the current one is refused by the workflow, and said so on the page.
        await agency.FillAsync("#request-extension-newDeadline", "2018-01-01");
        await agency.FillAsync("#request-extension-reason", "Cần thêm thời gian");
        await agency.EvaluateAsync("document.querySelector('#request-extension-newDeadline').removeAttribute('min')");
        await agency.SubmitAsync("form[data-trigger='request-extension'] button[type=submit]");
        Assert.Contains("Thời hạn mới đề nghị phải sau thời hạn hiện tại", await agency.TextOfAsync(".errors"));
        Assert.NotEqual("Đề nghị gia hạn", await agency.TextOfAsync("[data-testid=recommendation-state]"));
    }
}
