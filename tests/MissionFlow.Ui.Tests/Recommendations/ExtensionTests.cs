using System.Globalization;
namespace MissionFlow.Ui.Tests.Recommendations;

[Collection(UiCollection.Name)]
public sealed class ExtensionTests(UiHost host)
{
    [Fact]
    public async Task An_extension_asked_by_the_agency_and_granted_by_the_committee_moves_the_deadline_and_is_kept_in_its_history()
    {
        var agency = await host.SignInAsync(Demo.AgencyOfficer);
        // The reference mission's item 6 (due 30/06/2019): the follow-up test works on the most urgent ones.
        await agency.ClickAsync("[data-testid=inbox-item]:has-text('GS-2018-CCHC-SCT #6') a");
        await agency.WaitForURLAsync("**/Recommendations/Details/**");
        var url = agency.Url;
        await agency.FireAsync("acknowledge");
        var asked = PageActions.Today.AddDays(45);
        await agency.FillAsync("#request-extension-newDeadline", asked.Iso());
        await agency.FillAsync("#request-extension-reason", "Chờ hướng dẫn của Bộ Công Thương");
        await agency.FireAsync("request-extension");
        Assert.Equal("Đề nghị gia hạn", await agency.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Contains("đang chờ", await agency.TextOfAsync("#deadlines ~ ul"));

        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync(url);
        Assert.Equal(["grant-extension", "refuse-extension"], await committee.OfferedTriggersAsync());
        await committee.FireAsync("grant-extension");

        var shown = asked.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal("Đang thực hiện", await committee.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Contains(shown, await committee.TextOfAsync("dl.facts"));
        Assert.Equal(0, await committee.Locator("[data-testid=overdue]").CountAsync());
        var history = await committee.TextOfAsync("#deadlines ~ ol");
        Assert.Contains("30/06/2019 — thời hạn ban đầu", history);
        Assert.Contains($"{shown} — gia hạn lúc", history);
        Assert.Contains("đã đồng ý", await committee.TextOfAsync("#deadlines ~ ul"));
        await Screenshots.SaveAsync(committee, "recommendation-extended");
    }
}
