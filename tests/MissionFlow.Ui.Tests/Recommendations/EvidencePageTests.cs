using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MissionFlow.Core.People;

namespace MissionFlow.Ui.Tests.Recommendations;

[Collection(UiCollection.Name)]
public sealed class EvidencePageTests(UiHost host)
{
    [Fact]
    public async Task Evidence_sent_from_a_page_opened_before_the_item_closed_is_refused_with_the_reason_and_the_form_goes()
    {
        var agency = await host.SignInAsync(Demo.AgencyOfficer);
        // The reference mission's item 7 (due 30/06/2019): no other UI test acts on it.
        await agency.ClickAsync("[data-testid=inbox-item]:has-text('GS-2018-CCHC-SCT #7') a");
        await agency.WaitForURLAsync("**/Recommendations/Details/**");
        var url = agency.Url;
        await agency.FireAsync("acknowledge");
        await agency.FireAsync("submit");
        Assert.Equal(1, await agency.Locator("#evidence-file").CountAsync());

        // Meanwhile the committee verifies and closes it, while the agency's page still offers the upload.
        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync(url);
        await committee.SelectOptionAsync("#verify-result", "done");
        await committee.FillAsync("#verify-comment", "Đã kiểm tra");
        await committee.FireAsync("verify");
        Assert.Equal("Đã kết thúc theo dõi", await committee.TextOfAsync("[data-testid=recommendation-state]"));
        Assert.Equal(0, await committee.Locator("#evidence-file").CountAsync());

        await agency.SetInputFilesAsync("#evidence-file",
            new FilePayload { Name = "bo-sung.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 bo sung") });
        await agency.SubmitAsync("form:has(#evidence-file) button[type=submit]");

        Assert.Contains("Kiến nghị đã kết thúc theo dõi nên không nhận thêm tài liệu minh chứng.", await agency.TextOfAsync(".errors"));
        Assert.Equal(0, await agency.Locator("#evidence-file").CountAsync());
        Assert.Equal(0, await agency.Locator("a:has-text('bo-sung.pdf')").CountAsync());
    }

    [Fact]
    public async Task A_delegation_member_the_mission_does_not_list_is_not_offered_the_upload()
    {
        const string unlisted = "thanhvien.doankhac@hdnd.example", password = "Mat-khau-thanh-vien-2026";
        await using (var scope = host.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PeopleService>()
                .CreateAsync(new CreateUserRequest(unlisted, "Thành viên đoàn khác", Roles.DelegationMember, null, password, "vi"), null);
        var committee = await host.SignInAsync(Demo.Committee);
        await committee.GotoAsync("/Recommendations");
        await committee.Locator("[data-testid=inbox-item]:has-text('GS-2018-CCHC-SCT #8') a").ClickAsync();
        await committee.WaitForURLAsync("**/Recommendations/Details/**");
        Assert.Equal(1, await committee.Locator("#evidence-file").CountAsync());

        // The demo's delegation member is listed on the reference mission: offered the upload as the committee is.
        var listed = await host.SignInAsync(Demo.DelegationMember);
        await listed.GotoAsync(committee.Url);
        Assert.Equal(1, await listed.Locator("#evidence-file").CountAsync());

        var member = await host.NewPageAsync();
        await member.GotoAsync("/Account/SignIn");
        await member.SignInHereAsync(unlisted, password);
        await member.GotoAsync(committee.Url);
        Assert.Equal(0, await member.Locator("#evidence-file").CountAsync());
    }
}
